package org.perfjunit.engine;

import java.util.List;

/**
 * Time per operation with the collections' pauses shared out evenly: each sample's own pause time is taken
 * out of it and every sample gets its operations' share of all the pauses of the measurement instead.
 *
 * <p>Why: a pause lands in a few samples, and the median of the samples then leaves out the collection
 * the code causes. {@code alloc1MiB} (1 MiB per call, default G1 flags) paused every ~1,000 calls for ~2.7
 * ms, in one sample of ~70; its median was the time of the calls alone, 4% under the cost per call that a
 * user pays, and collections twice as frequent or as long would not have moved it. JMH's average and
 * Criterion's slope count the pauses; after sharing, the median does too, and a sample that met a pause is
 * no longer an outlier. The mean is kept: the pauses are moved between samples, not added or removed.
 *
 * <p>The JVM reports collection time in whole milliseconds, so a sample's own pause is known to within one
 * millisecond; it is capped at the sample's wall time. That error falls on the few samples that met a
 * pause, not on the median. Code that causes no collection keeps its samples unchanged.
 */
final class PauseSharing {

    private PauseSharing() {
    }

    /** Wall time per operation of each sample, ns, with the pauses shared out by operations. */
    static double[] nanosPerOperation(List<Sample> samples) {
        long pauses = 0;
        long operations = 0;
        for (Sample s : samples) {
            pauses += ownPause(s);
            operations += s.operations();
        }
        double share = operations == 0 ? 0 : (double) pauses / operations;
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            Sample s = samples.get(i);
            out[i] = pauses == 0 ? s.nanosPerOperation() : (double) (s.wallNanos() - ownPause(s)) / s.operations() + share;
        }
        return out;
    }

    /** The sample's pause time, ns: what the collectors reported, at most the sample's wall time. */
    private static long ownPause(Sample s) {
        return Math.min(s.wallNanos(), s.gcMillis() * 1_000_000L);
    }
}
