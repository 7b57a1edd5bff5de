package org.perfjunit.stats;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * Distribution-free tests from commons-math3 with their rank-biserial effect sizes: Mann-Whitney U
 * for two independent sample sets (baseline run vs current run) and Wilcoxon signed-rank for paired
 * (interleaved A/B) samples. Rank tests fit timing data, which is skewed and heavy-tailed.
 */
public final class RankSumTests {

    /** Above this many pairs the signed-rank test uses the normal approximation (commons-math3 exact is O(2^n)). */
    private static final int EXACT_SIGNED_RANK_LIMIT = 20;

    private RankSumTests() {
    }

    /** Mann-Whitney U test of {@code current} against {@code baseline}. */
    public static RankTestResult mannWhitney(double[] baseline, double[] current) {
        double[] all = new double[baseline.length + current.length];
        System.arraycopy(current, 0, all, 0, current.length);
        System.arraycopy(baseline, 0, all, current.length, baseline.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double rankSum = 0;
        for (int i = 0; i < current.length; i++) {
            rankSum += ranks[i];
        }
        double n1 = current.length;
        double n2 = baseline.length;
        double uCurrent = rankSum - n1 * (n1 + 1) / 2;
        double effect = 2 * uCurrent / (n1 * n2) - 1;
        if (allEqual(all)) {
            return new RankTestResult(1.0, 0.0);
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(baseline, current);
        return new RankTestResult(Double.isNaN(p) ? 1.0 : p, effect);
    }

    /** Wilcoxon signed-rank test of paired {@code candidate} against {@code reference}. */
    public static RankTestResult wilcoxonSignedRank(double[] reference, double[] candidate) {
        int n = reference.length;
        double[] absDiff = new double[n];
        for (int i = 0; i < n; i++) {
            absDiff[i] = Math.abs(candidate[i] - reference[i]);
        }
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(absDiff);
        double plus = 0;
        double minus = 0;
        for (int i = 0; i < n; i++) {
            double d = candidate[i] - reference[i];
            if (d > 0) {
                plus += ranks[i];
            } else if (d < 0) {
                minus += ranks[i];
            }
        }
        if (plus + minus == 0) {
            return new RankTestResult(1.0, 0.0);
        }
        double effect = (plus - minus) / (plus + minus);
        double p = new WilcoxonSignedRankTest().wilcoxonSignedRankTest(reference, candidate,
                n <= EXACT_SIGNED_RANK_LIMIT);
        return new RankTestResult(Double.isNaN(p) ? 1.0 : Math.min(1.0, p), effect);
    }

    private static boolean allEqual(double[] values) {
        for (double v : values) {
            if (v != values[0]) {
                return false;
            }
        }
        return true;
    }
}
