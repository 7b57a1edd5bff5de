package org.perfjunit.stats;

import org.perfjunit.model.Summary;

import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.Arrays;

/**
 * Decides whether a run's samples are stable enough to trust, before any limit or baseline is
 * judged on them. Three checks, each with a documented threshold ({@link NoiseThresholds}):
 * <ol>
 *   <li><b>spread</b>: coefficient of variation (sd / mean);</li>
 *   <li><b>precision</b>: half-width of the median's distribution-free 95% CI relative to the median;</li>
 *   <li><b>drift</b>: the Mann-Kendall trend test on the samples in the order they were taken
 *       (normal approximation with tie correction, two-sided), counted only when Sen's slope
 *       times the run length also moves the median by {@link NoiseThresholds#minDrift()} or more.</li>
 * </ol>
 * The drift test needs at least {@value #MIN_DRIFT_SAMPLES} samples; with fewer, p is reported as 1.
 * Fewer samples than {@link NoiseThresholds#minSamples()} are never called noisy: nothing can be judged.
 */
public final class NoiseGate {

    /** Fewest samples for which the Mann-Kendall normal approximation is used. */
    public static final int MIN_DRIFT_SAMPLES = 10;

    private NoiseGate() {
    }

    /** Assesses {@code samplesInOrder} (at least one, in the order measured). */
    public static NoiseAssessment assess(double[] samplesInOrder, NoiseThresholds thresholds) {
        Summary summary = SummaryCalculator.summarize(samplesInOrder);
        double drift = 0;
        double p = 1;
        if (samplesInOrder.length >= MIN_DRIFT_SAMPLES) {
            p = mannKendallPValue(samplesInOrder);
            // Sen's slope sorts n²/2 slopes: only worth it when the trend is significant at all
            if (p < thresholds.driftAlpha() && summary.median() != 0) {
                drift = senSlope(samplesInOrder) * (samplesInOrder.length - 1) / Math.abs(summary.median());
            }
        }
        return new NoiseAssessment(samplesInOrder.length, summary.coefficientOfVariation(),
                summary.relativeMedianCiHalfWidth(), p, drift, thresholds);
    }

    /** Two-sided p-value of the Mann-Kendall S statistic; 1 for a constant series. */
    static double mannKendallPValue(double[] x) {
        int n = x.length;
        long s = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Double.compare(x[j], x[i]) > 0 ? 1 : Double.compare(x[j], x[i]) < 0 ? -1 : 0;
            }
        }
        double variance = (double) n * (n - 1) * (2 * n + 5);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            long t = j - i;
            variance -= (double) t * (t - 1) * (2 * t + 5);
            i = j;
        }
        variance /= 18;
        if (variance <= 0 || s == 0) {
            return 1;
        }
        // continuity correction: move S one step toward zero
        double z = (s - Math.signum(s)) / Math.sqrt(variance);
        return Math.min(1, 2 * (1 - new NormalDistribution(null, 0, 1).cumulativeProbability(Math.abs(z))));
    }

    /** Sen's slope: the median of all pairwise slopes (robust to outliers, unlike least squares). */
    static double senSlope(double[] x) {
        int n = x.length;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = 0; i < n - 1; i++) {
            for (int j = i + 1; j < n; j++) {
                slopes[k++] = (x[j] - x[i]) / (j - i);
            }
        }
        Arrays.sort(slopes);
        return k % 2 == 1 ? slopes[k / 2] : (slopes[k / 2 - 1] + slopes[k / 2]) / 2;
    }
}
