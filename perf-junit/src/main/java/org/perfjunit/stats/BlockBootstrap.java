package org.perfjunit.stats;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.perfjunit.model.Statistic;

/**
 * Circular moving-block bootstrap (Politis and Romano) of the ratio current / baseline of a
 * statistic. Samples of a benchmark are autocorrelated (JIT phases, frequency scaling, GC cycles),
 * so resampling single values would understate the noise; blocks of {@code ceil(n^(1/3))}
 * consecutive samples keep neighbours together. The generator is seeded, so the same samples give
 * the same interval on every run.
 *
 * <pre>{@code
 * BootstrapInterval ci = new BlockBootstrap(2000, 42).ratio(baseline, current, Statistic.MEDIAN, 0.95);
 * }</pre>
 */
public final class BlockBootstrap {

    /** Resamples drawn by default; enough for stable 95-99% percentile bounds. */
    public static final int DEFAULT_RESAMPLES = 2000;

    private final int resamples;
    private final long seed;

    /** A bootstrap drawing {@code resamples} resamples from a generator seeded with {@code seed}. */
    public BlockBootstrap(int resamples, long seed) {
        if (resamples < 100) {
            throw new IllegalArgumentException("need at least 100 resamples, got " + resamples);
        }
        this.resamples = resamples;
        this.seed = seed;
    }

    /** Block length for {@code n} samples: {@code ceil(n^(1/3))}, the usual rate for distribution quantiles. */
    public static int blockLength(int n) {
        return Math.max(1, (int) Math.ceil(Math.cbrt(n)));
    }

    /** Interval of {@code statistic(current) / statistic(baseline)}, the two sets resampled independently. */
    public BootstrapInterval ratio(double[] baseline, double[] current, Statistic statistic, double confidence) {
        checkConfidence(confidence);
        RandomGenerator random = new Well19937c(seed);
        double base = SampleStatistics.of(statistic, baseline);
        double cur = SampleStatistics.of(statistic, current);
        double[] ratios = new double[resamples];
        double[] differences = new double[resamples];
        double[] b = new double[baseline.length];
        double[] c = new double[current.length];
        int[] bi = new int[baseline.length];
        int[] ci = new int[current.length];
        for (int r = 0; r < resamples; r++) {
            resample(baseline, b, bi, random);
            resample(current, c, ci, random);
            double bs = SampleStatistics.of(statistic, b);
            double cs = SampleStatistics.of(statistic, c);
            ratios[r] = ratio(cs, bs);
            differences[r] = cs - bs;
        }
        return interval(ratio(cur, base), cur - base, ratios, differences, confidence,
                blockLength(Math.min(baseline.length, current.length)));
    }

    /**
     * Interval of the typical ratio candidate / reference of paired measurements: the exponential of
     * the median of {@code log(candidate_i / reference_i)}, pairs resampled in blocks. Pairing
     * cancels drift the two share (both were measured in the same round).
     */
    public BootstrapInterval pairedRatio(double[] reference, double[] candidate, double confidence) {
        checkConfidence(confidence);
        if (reference.length != candidate.length || reference.length == 0) {
            throw new IllegalArgumentException("paired samples need equal, non-zero lengths: "
                    + reference.length + " vs " + candidate.length);
        }
        int n = reference.length;
        double[] logRatios = new double[n];
        double[] diffs = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(reference[i] > 0 && candidate[i] > 0)) {
                throw new IllegalArgumentException("paired samples must be positive, pair " + i + " is ("
                        + reference[i] + ", " + candidate[i] + ")");
            }
            logRatios[i] = Math.log(candidate[i] / reference[i]);
            diffs[i] = candidate[i] - reference[i];
        }
        RandomGenerator random = new Well19937c(seed);
        double[] ratios = new double[resamples];
        double[] differences = new double[resamples];
        int[] index = new int[n];
        double[] lr = new double[n];
        double[] d = new double[n];
        for (int r = 0; r < resamples; r++) {
            resampleIndices(index, random);
            for (int i = 0; i < n; i++) {
                lr[i] = logRatios[index[i]];
                d[i] = diffs[index[i]];
            }
            ratios[r] = Math.exp(SampleStatistics.of(Statistic.MEDIAN, lr));
            differences[r] = SampleStatistics.of(Statistic.MEDIAN, d);
        }
        return interval(Math.exp(SampleStatistics.of(Statistic.MEDIAN, logRatios)),
                SampleStatistics.of(Statistic.MEDIAN, diffs), ratios, differences, confidence, blockLength(n));
    }

    private static BootstrapInterval interval(double ratio, double difference, double[] ratios, double[] differences,
                                              double confidence, int blockLength) {
        double tail = (1 - confidence) / 2 * 100;
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(ratios);
        double low = percentile.evaluate(Math.max(tail, 1e-9));
        double high = percentile.evaluate(100 - tail);
        percentile.setData(differences);
        return new BootstrapInterval(ratio, low, high, difference, percentile.evaluate(Math.max(tail, 1e-9)),
                percentile.evaluate(100 - tail), confidence, blockLength);
    }

    private static double ratio(double current, double baseline) {
        // a zero baseline makes the ratio undefined; callers handle a zero baseline before bootstrapping
        if (baseline == 0) {
            return current == 0 ? 1 : Double.POSITIVE_INFINITY;
        }
        return current / baseline;
    }

    private static void resample(double[] source, double[] target, int[] index, RandomGenerator random) {
        resampleIndices(index, random);
        for (int i = 0; i < index.length; i++) {
            target[i] = source[index[i]];
        }
    }

    private static void resampleIndices(int[] target, RandomGenerator random) {
        int n = target.length;
        int block = blockLength(n);
        for (int filled = 0; filled < n; ) {
            int start = random.nextInt(n);
            for (int k = 0; k < block && filled < n; k++) {
                target[filled++] = (start + k) % n;
            }
        }
    }

    private static void checkConfidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), was " + confidence);
        }
    }
}
