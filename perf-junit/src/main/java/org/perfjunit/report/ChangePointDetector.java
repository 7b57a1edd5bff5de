package org.perfjunit.report;

import org.apache.commons.math3.stat.inference.TTest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds steps in a history series (e.g. median time per run), the way asv and Hunter mark them.
 *
 * <p>Method: binary segmentation with a two-sample Welch t-test. In a segment, the split that
 * maximizes the t statistic between the left and right means is tested with commons-math3's
 * {@link TTest}; it is a change point when the p-value is below {@code alpha} <em>and</em> the
 * means differ by at least {@code minRelativeChange}; then both halves are searched again.
 * Why this and not full E-Divisive: history series are short (hundreds of points), their shifts are
 * steps in the mean, and the cost here is O(n log n) with prefix sums, so it runs for 500 tests in
 * milliseconds. Picking the best split inflates significance, hence the strict default alpha
 * (0.001); the practical threshold keeps statistically real but irrelevant jitter out of the report.
 */
final class ChangePointDetector {

    private final double alpha;
    private final double minRelativeChange;
    private final int minSegment;

    /**
     * @param alpha             significance level of the split test
     * @param minRelativeChange smallest |right/left - 1| reported, e.g. 0.05
     * @param minSegment        fewest points on each side of a change point (at least 2)
     */
    public ChangePointDetector(double alpha, double minRelativeChange, int minSegment) {
        this.alpha = alpha;
        this.minRelativeChange = minRelativeChange;
        this.minSegment = Math.max(2, minSegment);
    }

    /** alpha 0.001, at least a 5% step, at least 4 runs on each side. */
    public static ChangePointDetector defaults() {
        return new ChangePointDetector(0.001, 0.05, 4);
    }

    /** Indices {@code i} where a new level starts at {@code series[i]}, ascending. */
    public List<Integer> detect(double[] series) {
        List<Integer> found = new ArrayList<>();
        split(series, 0, series.length, found, 0);
        found.sort(null);
        return found;
    }

    private void split(double[] x, int from, int to, List<Integer> found, int depth) {
        int n = to - from;
        if (n < 2 * minSegment || depth > 32) {
            return;
        }
        double[] sum = new double[n + 1];
        double[] sumSq = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + x[from + i];
            sumSq[i + 1] = sumSq[i] + x[from + i] * x[from + i];
        }
        int best = -1;
        double bestT = 0;
        for (int k = minSegment; k <= n - minSegment; k++) {
            double t = welchT(sum, sumSq, k, n);
            if (t > bestT) {
                bestT = t;
                best = k;
            }
        }
        if (best < 0) {
            return;
        }
        double[] left = Arrays.copyOfRange(x, from, from + best);
        double[] right = Arrays.copyOfRange(x, from + best, to);
        double meanLeft = sum[best] / best;
        double meanRight = (sum[n] - sum[best]) / (n - best);
        double relative = meanLeft == 0 ? Double.POSITIVE_INFINITY : Math.abs(meanRight / meanLeft - 1);
        if (relative < minRelativeChange || !significant(left, right, meanLeft, meanRight)) {
            return;
        }
        found.add(from + best);
        split(x, from, from + best, found, depth + 1);
        split(x, from + best, to, found, depth + 1);
    }

    private boolean significant(double[] left, double[] right, double meanLeft, double meanRight) {
        if (variance(left) == 0 && variance(right) == 0) {
            return meanLeft != meanRight; // noiseless steps are real steps
        }
        return new TTest().tTest(left, right) < alpha;
    }

    private static double welchT(double[] sum, double[] sumSq, int k, int n) {
        double m1 = sum[k] / k;
        double m2 = (sum[n] - sum[k]) / (n - k);
        double v1 = Math.max(0, (sumSq[k] - k * m1 * m1) / (k - 1));
        double v2 = Math.max(0, (sumSq[n] - sumSq[k] - (n - k) * m2 * m2) / (n - k - 1));
        double se = Math.sqrt(v1 / k + v2 / (n - k));
        double diff = Math.abs(m1 - m2);
        return se == 0 ? (diff == 0 ? 0 : Double.MAX_VALUE) : diff / se;
    }

    private static double variance(double[] v) {
        double mean = Arrays.stream(v).average().orElse(0);
        return Arrays.stream(v).map(d -> (d - mean) * (d - mean)).sum();
    }
}
