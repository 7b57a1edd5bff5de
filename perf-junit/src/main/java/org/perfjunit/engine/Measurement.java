package org.perfjunit.engine;

import java.util.List;

/**
 * Raw outcome of a {@link Sampler} run: the samples and how they were obtained.
 *
 * @param samples             measured samples; with several threads, one per thread per round
 * @param roundNanos          with several threads, the wall time of each round (all threads); else empty
 * @param batchSize           operations per sample (per thread)
 * @param threads             threads invoking the operation
 * @param warmupIterations    warm-up batches run
 * @param warmupNanos         time spent warming up (including calibration)
 * @param steadyState         whether warm-up detected a steady state before its cap
 * @param stopReason          why sampling stopped: iterations, converged, max_samples, max_time
 * @param measuredNanos       wall time spent sampling
 * @param timerResolutionNanos measured granularity of the wall clock
 * @param lastResult          what the last invocation returned (for retained size), may be null
 * @param heapTransient       the heap had not settled when sampling began, or was resized during it
 * @param pausesShared        the collections' cost is shared out over the operations ({@link PauseSharing}):
 *                            batches on one thread; not per-invocation latencies, nor rounds of several threads
 */
public record Measurement(List<Sample> samples, long[] roundNanos, long batchSize, int threads, int warmupIterations,
                          long warmupNanos, boolean steadyState, String stopReason, long measuredNanos,
                          long timerResolutionNanos, Object lastResult, boolean heapTransient,
                          boolean pausesShared) {

    public Measurement {
        samples = List.copyOf(samples);
    }

    /** Wall time per operation of each sample, ns; with {@link #pausesShared} the pauses shared out by operations. */
    public double[] nanosPerOperation() {
        return pausesShared ? PauseSharing.nanosPerOperation(samples)
                : samples.stream().mapToDouble(Sample::nanosPerOperation).toArray();
    }

    /** Total operations measured. */
    public long totalOperations() {
        return samples.stream().mapToLong(Sample::operations).sum();
    }
}
