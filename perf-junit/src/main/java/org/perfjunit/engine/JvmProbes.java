package org.perfjunit.engine;

import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The real {@link TimeSource} and {@link ResourceProbe}: {@code System.nanoTime}, thread CPU
 * time, HotSpot's per-thread allocation counters (summed over all live threads, so work handed
 * to a pool is counted) and the GC beans.
 */
final class JvmProbes implements TimeSource, ResourceProbe {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final com.sun.management.ThreadMXBean hotspotThreads =
            threads instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported() ? t : null;
    private final boolean cpuTimeSupported = threads.isCurrentThreadCpuTimeSupported();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    private final CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final boolean preTouched = alwaysPreTouch();

    public JvmProbes() {
        if (hotspotThreads != null && !hotspotThreads.isThreadAllocatedMemoryEnabled()) {
            hotspotThreads.setThreadAllocatedMemoryEnabled(true);
        }
        if (cpuTimeSupported && !threads.isThreadCpuTimeEnabled()) {
            threads.setThreadCpuTimeEnabled(true);
        }
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public long currentThreadCpuTime() {
        return cpuTimeSupported ? threads.getCurrentThreadCpuTime() : -1;
    }

    @Override
    public long allocatedBytes() {
        if (hotspotThreads == null) {
            return -1;
        }
        long total = 0;
        for (long bytes : hotspotThreads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
            if (bytes > 0) {
                total += bytes;
            }
        }
        return total;
    }

    @Override
    public long gcCount() {
        return sumOverCollectors(GarbageCollectorMXBean::getCollectionCount);
    }

    @Override
    public long gcMillis() {
        return sumOverCollectors(GarbageCollectorMXBean::getCollectionTime);
    }

    /** Sums a counter over all collectors; a collector that reports -1 (undefined) counts as 0. */
    private long sumOverCollectors(ToLongFunction<GarbageCollectorMXBean> counter) {
        long total = 0;
        for (GarbageCollectorMXBean gc : collectors) {
            total += Math.max(0, counter.applyAsLong(gc));
        }
        return total;
    }

    @Override
    public long compilationMillis() {
        return compiler != null && compiler.isCompilationTimeMonitoringSupported() ? compiler.getTotalCompilationTime() : -1;
    }

    @Override
    public long heapCommittedBytes() {
        return memory.getHeapMemoryUsage().getCommitted();
    }

    @Override
    public long minorPageFaults() {
        return PageFaults.minor();
    }

    @Override
    public boolean heapFixedAndPreTouched() {
        MemoryUsage heap = memory.getHeapMemoryUsage();
        return preTouched && heap.getMax() > 0 && heap.getCommitted() == heap.getMax();
    }

    /** Whether this JVM runs with {@code -XX:+AlwaysPreTouch}; false where the option cannot be read. */
    private static boolean alwaysPreTouch() {
        return GarbageCollection.hotSpotOptions().get("AlwaysPreTouch").map(Boolean::parseBoolean).orElse(false);
    }
}
