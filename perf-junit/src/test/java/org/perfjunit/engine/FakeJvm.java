package org.perfjunit.engine;

/**
 * A deterministic clock and counters: time moves only when the code under test says so
 * ({@link #work}), plus 1 ns per clock read so loops that wait for the clock terminate.
 */
final class FakeJvm implements TimeSource, ResourceProbe {
    long now;
    long cpu;
    long allocated;
    long gcCount;
    long gcMillis;
    long compilation;
    long heapCommitted = -1;
    long minorFaults = -1;
    boolean heapFixedAndPreTouched;

    void work(long nanos, long bytes) {
        now += nanos;
        cpu += nanos;
        allocated += bytes;
    }

    @Override
    public long nanoTime() {
        return ++now;
    }

    @Override
    public long currentThreadCpuTime() {
        return cpu;
    }

    @Override
    public long allocatedBytes() {
        return allocated;
    }

    @Override
    public long gcCount() {
        return gcCount;
    }

    @Override
    public long gcMillis() {
        return gcMillis;
    }

    @Override
    public long compilationMillis() {
        return compilation;
    }

    @Override
    public long heapCommittedBytes() {
        return heapCommitted;
    }

    @Override
    public long minorPageFaults() {
        return minorFaults;
    }

    @Override
    public boolean heapFixedAndPreTouched() {
        return heapFixedAndPreTouched;
    }
}
