package org.perfjunit.stats;

import org.perfjunit.model.Summary;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

import java.util.Arrays;

/**
 * Computes a {@link Summary} with commons-math3. Percentiles use the R-7 estimator (the one
 * NumPy, R and pytest-benchmark default to) so figures match what users see elsewhere; the
 * median's confidence interval is the distribution-free order-statistic interval, which makes
 * no normality assumption about timing data.
 */
public final class SummaryCalculator {

    /** Default confidence level for intervals. */
    public static final double DEFAULT_CONFIDENCE = 0.95;

    private SummaryCalculator() {
    }

    /** Summarizes {@code values} (at least one) at the default confidence level. */
    public static Summary summarize(double[] values) {
        return summarize(values, DEFAULT_CONFIDENCE);
    }

    /** Summarizes {@code values} (at least one) with a median interval at {@code confidence}. */
    public static Summary summarize(double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot summarize an empty sample set");
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must lie in (0, 1), was " + confidence);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        DescriptiveStatistics descriptive = new DescriptiveStatistics(sorted);
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(sorted);
        double q1 = percentile.evaluate(25);
        double q3 = percentile.evaluate(75);
        double iqr = q3 - q1;
        int low = 0;
        int high = 0;
        for (double v : sorted) {
            if (v < q1 - 1.5 * iqr) {
                low++;
            } else if (v > q3 + 1.5 * iqr) {
                high++;
            }
        }
        double[] ci = medianConfidenceInterval(sorted, confidence);
        double sd = sorted.length > 1 ? descriptive.getStandardDeviation() : 0.0;
        return new Summary(sorted.length, descriptive.getMean(), sd, sorted[0], sorted[sorted.length - 1],
                percentile.evaluate(50), percentile.evaluate(90), percentile.evaluate(95), percentile.evaluate(99),
                ci[0], ci[1], confidence, low, high);
    }

    /**
     * Order-statistic interval for the median of sorted data: the ranks j, k with
     * P(j <= B < k) >= confidence for B ~ Binomial(n, 1/2). For very small n the interval is
     * the full range.
     */
    static double[] medianConfidenceInterval(double[] sorted, double confidence) {
        int n = sorted.length;
        if (n < 3) {
            return new double[] {sorted[0], sorted[n - 1]};
        }
        BinomialDistribution binomial = new BinomialDistribution(null, n, 0.5);
        double alpha = 1 - confidence;
        // largest j (0-based lower rank) with P(B < j+1) <= alpha/2
        int j = binomial.inverseCumulativeProbability(alpha / 2);
        int lower = Math.max(0, j - 1);
        int upper = Math.min(n - 1, n - j);
        return new double[] {sorted[lower], sorted[upper]};
    }
}
