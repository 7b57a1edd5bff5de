package org.perfjunit.stats;

/**
 * A bootstrap estimate of how a current sample set relates to a reference one: the ratio of a
 * statistic (current / reference) and its difference (current - reference), each with a
 * percentile confidence interval at {@code confidence}.
 *
 * @param ratio           point estimate of the ratio
 * @param ratioLow        lower bound of the ratio's interval
 * @param ratioHigh       upper bound of the ratio's interval
 * @param difference      point estimate of the difference
 * @param differenceLow   lower bound of the difference's interval
 * @param differenceHigh  upper bound of the difference's interval
 * @param confidence      two-sided confidence level of both intervals
 * @param blockLength     block length used to keep autocorrelated neighbours together
 */
public record BootstrapInterval(double ratio, double ratioLow, double ratioHigh, double difference,
                                double differenceLow, double differenceHigh, double confidence, int blockLength) {
}
