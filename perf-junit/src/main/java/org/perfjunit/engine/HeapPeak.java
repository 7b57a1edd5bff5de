package org.perfjunit.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak heap occupancy over a measurement, from the heap memory pools' peak counters: reset at the
 * start, summed at the end. Includes garbage not yet collected, as the pools see it.
 */
final class HeapPeak {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();

    /** Resets the pools' peaks to their current usage. */
    public void reset() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Sum of the heap pools' peaks since the last reset, bytes; -1 when no pool reports. */
    public long peakBytes() {
        if (heapPools.isEmpty()) {
            return -1;
        }
        return heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }
}
