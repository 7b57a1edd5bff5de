package org.perfjunit.model;

/** Names of the built-in metrics. User counters and metrics keep the name the test gave them. */
public final class MetricNames {
    /** Wall-clock time per operation, ns. */
    public static final String TIME = "time";
    /** Thread CPU time per operation, ns. */
    public static final String CPU_TIME = "cpu_time";
    /** Heap bytes allocated per operation, across the threads the operation used. */
    public static final String ALLOCATED = "allocated";
    /** Peak heap use during the measurement, bytes. */
    public static final String PEAK_HEAP = "peak_heap";
    /** Deep size of the returned object graph (JOL), bytes. */
    public static final String RETAINED = "retained";
    /** Operations per second. */
    public static final String THROUGHPUT = "throughput";
    /** Energy per operation, joules. */
    public static final String ENERGY = "energy";
    /** GC collections per sample. */
    public static final String GC_COUNT = "gc_count";
    /** GC time per sample, ms. */
    public static final String GC_TIME = "gc_time";
    /** Prefix of per-phase wall time per operation, ns: {@code phase.svd}. */
    public static final String PHASE_PREFIX = "phase.";

    private MetricNames() {
    }
}
