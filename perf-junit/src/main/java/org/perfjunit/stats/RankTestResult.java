package org.perfjunit.stats;

/**
 * A rank test's answer to "did the distribution move?": a two-sided p-value and the rank-biserial
 * correlation as effect size, in [-1, 1], positive when the current values tend to be larger.
 *
 * @param pValue     two-sided p-value
 * @param effectSize rank-biserial correlation
 */
public record RankTestResult(double pValue, double effectSize) {
}
