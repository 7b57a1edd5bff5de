package org.perfjunit.engine;

import org.perfjunit.stats.SummaryCalculator;

import java.util.List;
import java.util.Locale;

/**
 * Refuses to report work the JIT deleted. Two signs, each a failure rather than a result: the
 * median time per operation is below {@link #FLOOR_NANOS}, or calibration grew the batch to its
 * cap while one batch still took less than a sample should (the time stopped growing with the
 * batch: the loop no longer runs the operation).
 */
public final class DeletedWork {

    /**
     * 0.1 ns per operation: one cycle at 10 GHz, under half a cycle of the fastest CPUs sold (6.2 GHz).
     * Every loop that consumes a result carries a dependent add per invocation (the blackhole's
     * counter), at least one cycle, so even an operation that returns a constant stays above it
     * (0.32 ns on a 2.1 GHz-base Zen 5); only a loop the JIT removed, or folded into one step, reads
     * below. Not 0.2 ns: JMH's own empty benchmark reads 0.22 ns there, and a faster clock would
     * put an honest empty body under 0.2 ns.
     */
    public static final double FLOOR_NANOS = 0.1;

    private static final String FIX = "Nothing uses what the operation computes, so the JIT removed it. Return the "
            + "value from the operation (perf.measure(() -> compute()) instead of a void lambda), use "
            + "perf.measureDouble(...) or perf.measureLong(...) for a primitive, or for a whole test body take a "
            + "PerfContext parameter and return the value from perf.measure(...).";

    private DeletedWork() {
    }

    /** Fails when calibration reached the batch cap and one batch still lasted less than {@code targetNanos}. */
    static void checkCalibration(long batch, long maxBatch, long batchNanos, long targetNanos) {
        if (batch >= maxBatch && batchNanos < targetNanos) {
            throw new DeletedWorkError(String.format(Locale.ROOT, "Deleted work: the batch grew to [%,d] invocations "
                    + "and one batch still took only [%,d ns] ([%.3g ns] per invocation), so its time stopped growing "
                    + "with its size: the loop no longer runs the operation. %s", batch, batchNanos,
                    (double) batchNanos / batch, FIX));
        }
    }

    /** Fails when the samples' median time per operation is below {@link #FLOOR_NANOS}. */
    static void checkSamples(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        double median = SummaryCalculator.summarize(samples.stream().mapToDouble(Sample::nanosPerOperation).toArray())
                .median();
        if (median < FLOOR_NANOS) {
            throw new DeletedWorkError(String.format(Locale.ROOT, "Deleted work: measured [%.3g ns] per invocation, "
                    + "below [%s ns], less than one CPU cycle; no code runs that fast. %s", median, FLOOR_NANOS, FIX));
        }
    }

    /** The failure: an {@link AssertionError}, so the test fails (not errors) and nothing is recorded. */
    public static final class DeletedWorkError extends AssertionError {
        private static final long serialVersionUID = 1L;

        DeletedWorkError(String message) {
            super(message);
        }
    }
}
