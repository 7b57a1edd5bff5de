package org.perfjunit;

/** What {@link MaxMemory} limits. */
public enum MemoryKind {
    /** Heap bytes allocated per invocation, counted across all threads the operation uses (JVM allocation counters). */
    ALLOCATED,
    /** Peak heap occupancy during the measurement: sum of the heap memory pools' peaks (garbage not yet collected included). */
    PEAK_HEAP,
    /** Deep size (JOL) of the object graph the measured operation returns; needs {@link PerfContext#measure}. */
    RETAINED
}
