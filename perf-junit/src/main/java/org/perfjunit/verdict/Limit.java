package org.perfjunit.verdict;

import org.perfjunit.model.Statistic;

/**
 * A declared bound on one metric: an upper bound ({@code @MaxDuration}, {@code @MaxMemory},
 * {@code @MaxEnergy}) or a lower bound ({@code @MinThroughput}).
 *
 * @param source     the annotation that declared it, e.g. {@code @MaxDuration}
 * @param metric     metric name
 * @param statistic  statistic compared, or null for the metric's representative value
 * @param bound      bound in the metric's base unit
 * @param upper      true for a maximum, false for a minimum
 * @param label      what the message calls the quantity, e.g. {@code duration}
 */
public record Limit(String source, String metric, Statistic statistic, double bound, boolean upper, String label) {
}
