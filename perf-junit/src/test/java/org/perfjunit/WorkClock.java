package org.perfjunit;

import org.perfjunit.engine.TimeSource;

/**
 * A fake clock for revision A/B fixtures: time advances by the work the code under test reports
 * ({@link #work}), plus 1 ns per read, so a paired time ratio is exactly the ratio of work, whatever
 * else the machine is doing. Public because fixture classes compiled outside this package call it.
 */
public final class WorkClock implements TimeSource, SilentResources {

    private long now;

    /** Advances time by {@code units} nanoseconds of simulated work. */
    public synchronized void work(long units) {
        now += units;
    }

    @Override
    public synchronized long nanoTime() {
        return ++now;
    }

    /** The same as {@link #nanoTime()}: the simulated work runs on one thread, never descheduled. */
    @Override
    public synchronized long currentThreadCpuTime() {
        return ++now;
    }
}
