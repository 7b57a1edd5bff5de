package org.perfjunit.engine;

/**
 * Where the sampler reads time from. The JVM implementation is {@link JvmProbes}; tests inject
 * a fake so that sampling logic is checked without wall-clock time.
 */
public interface TimeSource {

    /** Monotonic wall time, ns. */
    long nanoTime();

    /** CPU time of the current thread, ns, or -1 when unsupported. */
    long currentThreadCpuTime();
}
