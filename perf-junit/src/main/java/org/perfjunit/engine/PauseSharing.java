package org.perfjunit.engine;

import org.perfjunit.model.Statistic;
import org.perfjunit.stats.SampleStatistics;

import java.util.List;

/**
 * Time per operation with the collections' cost shared out evenly: the time a collection added to the sample it
 * landed in is taken out of that sample, and every sample gets its operations' share of all of it instead.
 *
 * <p>Why: a collection lands in a few samples, and the median of the samples then leaves out the collections
 * the code causes. {@code alloc1MiB} (1 MiB per call, default G1 flags) collected every ~1,000 calls, in one
 * sample of ~70; its median was the time of the calls alone, 4% under the cost per call that a user pays, and
 * collections twice as frequent or as long would not have moved it. JMH's average and Criterion's slope count
 * the collections; after sharing, the median does too, and a sample that met one is no longer an outlier. The
 * mean is kept: the time is moved between samples, not added or removed.
 *
 * <p>What a collection cost its sample: the sample's wall time beyond what its operations take in the samples
 * that met no collection (their median per operation), and at least the pause the JVM reported (in whole
 * milliseconds), at most the sample's wall time. The reported pause alone is less than that: 200,000 one-MiB
 * allocations on AuthenticAMD family 26 model 2 spent 431 ms more in the calls a collection landed in than in
 * the others, of which the collector reported 268 ms as pause (the calls after a collection were not slower:
 * the rest is time around the pause that the JVM does not count in it). Where every sample met a collection
 * there is no such median, and the reported pause is what is moved. Code that causes no collection keeps its
 * samples unchanged.
 */
final class PauseSharing {

    private PauseSharing() {
    }

    /** Wall time per operation of each sample, ns, with the collections' cost shared out by operations. */
    static double[] nanosPerOperation(List<Sample> samples) {
        double[] out = new double[samples.size()];
        // with no collection every cost is 0 and each sample keeps its own time; the median is then not needed
        double withoutCollection = samples.stream().anyMatch(s -> s.gcCount() > 0)
                ? medianWithoutCollection(samples) : Double.NaN;
        long[] cost = new long[out.length];
        long total = 0;
        long operations = 0;
        for (int i = 0; i < out.length; i++) {
            Sample s = samples.get(i);
            cost[i] = s.gcCount() > 0 ? collectionCost(s, withoutCollection) : 0;
            total += cost[i];
            operations += s.operations();
        }
        double share = (double) total / operations;
        for (int i = 0; i < out.length; i++) {
            Sample s = samples.get(i);
            out[i] = (double) (s.wallNanos() - cost[i]) / s.operations() + share;
        }
        return out;
    }

    /**
     * The time the collections in {@code s} added to it, ns: its wall time beyond {@code perOperation} for each
     * of its operations (NaN: not known), at least the reported pause, at most the sample's wall time.
     */
    private static long collectionCost(Sample s, double perOperation) {
        long pause = Math.min(s.wallNanos(), s.gcMillis() * 1_000_000L);
        if (Double.isNaN(perOperation)) {
            return pause;
        }
        long excess = (long) (s.wallNanos() - perOperation * s.operations());
        return Math.min(s.wallNanos(), Math.max(pause, excess));
    }

    /** The median time per operation of the samples that met no collection; NaN when every sample met one. */
    private static double medianWithoutCollection(List<Sample> samples) {
        double[] v = samples.stream().filter(s -> s.gcCount() == 0).mapToDouble(Sample::nanosPerOperation).toArray();
        return v.length == 0 ? Double.NaN : SampleStatistics.of(Statistic.MEDIAN, v);
    }
}
