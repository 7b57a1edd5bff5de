package org.perfjunit.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One metric compared with its baseline.
 *
 * @param metric          metric name
 * @param statistic       compared statistic, e.g. {@code median}
 * @param level           the verdict
 * @param baselineValue   the baseline's statistic (NaN when {@link Level#NEW} is written as null)
 * @param currentValue    the current statistic
 * @param ratio           current / baseline
 * @param ratioCiLow      lower bound of the ratio's confidence interval
 * @param ratioCiHigh     upper bound of the ratio's confidence interval
 * @param pValue          two-sided Mann-Whitney p-value, or null without raw samples
 * @param effectSize      rank-biserial correlation, or null without raw samples
 * @param message         a sentence naming values, change and how to accept it
 */
@JsonIgnoreProperties({"normalizedRatio"}) // written by versions that normalized by a calibration workload
public record Comparison(String metric, String statistic, Level level, Double baselineValue, double currentValue,
                         Double ratio, Double ratioCiLow, Double ratioCiHigh, Double pValue, Double effectSize,
                         String message) {
}
