package org.perfjunit;

/** What {@link MaxMemory} limits. */
public enum MemoryKind {
    /** Heap bytes allocated per invocation, counted across all threads the operation uses (JVM allocation counters). */
    ALLOCATED,
    /**
     * Peak heap occupancy during the measurement: sum of the heap memory pools' peaks (garbage not yet
     * collected included). With this limit the heap is collected before the measurement starts, so the
     * peak is the test's own; without it nothing is collected (a forced collection makes G1 grow the heap
     * and the next allocating measurement pay for paging it in), and the reported {@code peak_heap} also
     * counts what earlier tests left behind.
     */
    PEAK_HEAP,
    /** Deep size (JOL) of the object graph the measured operation returns; needs {@link PerfContext#measure}. */
    RETAINED
}
