package org.perfjunit.model;

/**
 * The outcome of one limit (an annotation such as {@code @MaxDuration}) on one metric.
 *
 * @param source    what declared the limit, e.g. {@code @MaxDuration}
 * @param metric    metric name
 * @param statistic statistic the limit applies to ({@code p95}), or {@code value}
 * @param limit     the limit, in the metric's base unit
 * @param actual    the measured value, in the metric's base unit
 * @param unit      base unit
 * @param passed    whether the limit held
 * @param message   a sentence a user can act on
 */
public record Check(String source, String metric, String statistic, double limit, double actual, String unit,
                   boolean passed, String message) {
}
