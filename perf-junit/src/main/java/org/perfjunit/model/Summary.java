package org.perfjunit.model;

/**
 * Summary statistics of one metric's samples. Produced by {@code stats.SummaryCalculator}; immutable
 * and JSON-serializable.
 *
 * @param n              number of samples
 * @param mean           arithmetic mean
 * @param standardDeviation sample standard deviation (0 for a single sample)
 * @param min            smallest sample
 * @param max            largest sample
 * @param median         50th percentile
 * @param p90            90th percentile
 * @param p95            95th percentile
 * @param p99            99th percentile
 * @param medianCiLow    lower bound of the distribution-free confidence interval of the median
 * @param medianCiHigh   upper bound of that interval
 * @param confidence     confidence level of the interval, e.g. 0.95
 * @param lowOutliers    samples below Q1 - 1.5 IQR (Tukey)
 * @param highOutliers   samples above Q3 + 1.5 IQR (Tukey)
 */
public record Summary(
        int n,
        double mean,
        double standardDeviation,
        double min,
        double max,
        double median,
        double p90,
        double p95,
        double p99,
        double medianCiLow,
        double medianCiHigh,
        double confidence,
        int lowOutliers,
        int highOutliers) {

    /** The value of the given statistic. */
    public double get(Statistic statistic) {
        return switch (statistic) {
            case MIN -> min;
            case MEDIAN -> median;
            case MEAN -> mean;
            case P90 -> p90;
            case P95 -> p95;
            case P99 -> p99;
            case MAX -> max;
        };
    }

    /** Coefficient of variation (sd / mean); 0 when the mean is 0. */
    public double coefficientOfVariation() {
        return mean == 0 ? 0 : standardDeviation / Math.abs(mean);
    }

    /** Half-width of the median's confidence interval relative to the median; 0 when the median is 0. */
    public double relativeMedianCiHalfWidth() {
        return median == 0 ? 0 : (medianCiHigh - medianCiLow) / 2 / Math.abs(median);
    }
}
