package org.perfjunit.model;

/**
 * How a test was measured.
 *
 * @param warmupIterations  warm-up invocations (batches) run
 * @param warmupNanos       time spent warming up
 * @param steadyState       whether warm-up detected a steady state before its cap
 * @param samples           measured samples kept
 * @param batchSize         operations per sample
 * @param threads           threads invoking the operation concurrently
 * @param measuredNanos     wall time spent measuring
 * @param stopReason        why sampling stopped: {@code iterations}, {@code converged}, {@code max_time}
 * @param forked            whether the test ran in a forked JVM
 * @param heapTransient     the heap had not been seen to settle when sampling began (resized by the collector, or
 *                          not yet allocated through), or was resized during sampling: the figures may include
 *                          that transient (absent in older files: false)
 */
public record RunInfo(int warmupIterations, long warmupNanos, boolean steadyState, int samples, long batchSize,
                      int threads, long measuredNanos, String stopReason, boolean forked, boolean heapTransient) {

    public RunInfo withForked(boolean newForked) {
        return new RunInfo(warmupIterations, warmupNanos, steadyState, samples, batchSize, threads, measuredNanos,
                stopReason, newForked, heapTransient);
    }

    public RunInfo withSamples(int newSamples) {
        return new RunInfo(warmupIterations, warmupNanos, steadyState, newSamples, batchSize, threads, measuredNanos,
                stopReason, forked, heapTransient);
    }
}
