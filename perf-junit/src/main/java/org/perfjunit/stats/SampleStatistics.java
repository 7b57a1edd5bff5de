package org.perfjunit.stats;

import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.perfjunit.model.Statistic;

/** Evaluates one {@link Statistic} on raw values with the estimator {@link SummaryCalculator} uses. */
public final class SampleStatistics {

    private SampleStatistics() {
    }

    /** The value of {@code statistic} over {@code values} (at least one). */
    public static double of(Statistic statistic, double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        return switch (statistic) {
            case MIN -> StatUtils.min(values);
            case MAX -> StatUtils.max(values);
            case MEAN -> StatUtils.mean(values);
            case MEDIAN -> percentile(values, 50);
            case P90 -> percentile(values, 90);
            case P95 -> percentile(values, 95);
            case P99 -> percentile(values, 99);
        };
    }

    private static double percentile(double[] values, double p) {
        // a fresh Percentile per call: the class caches its data and is not thread-safe
        return new Percentile().withEstimationType(EstimationType.R_7).evaluate(values, p);
    }
}
