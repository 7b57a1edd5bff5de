package org.perfjunit.stats;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.perfjunit.model.Statistic;

import java.util.Arrays;

/**
 * A confidence interval for one {@link Statistic} of a sample, used to decide a limit on noisy data:
 * a bound that lies outside the whole interval is decided; one inside it is not.
 * <ul>
 *   <li>quantiles (median, p90, p95, p99): distribution-free order-statistic interval from
 *       Binomial(n, q); a side that needs a rank beyond the data is unbounded (infinite);</li>
 *   <li>mean: Student-t interval;</li>
 *   <li>max: [max, +inf) — a larger value could always appear; min: (-inf, min].</li>
 * </ul>
 *
 * @param low  lower bound, possibly {@code -Infinity}
 * @param high upper bound, possibly {@code +Infinity}
 */
public record StatisticInterval(double low, double high) {

    /** The interval of {@code statistic} over {@code values} at {@code confidence} (e.g. 0.95). */
    public static StatisticInterval of(Statistic statistic, double[] values, double confidence) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return switch (statistic) {
            case MIN -> new StatisticInterval(Double.NEGATIVE_INFINITY, sorted[0]);
            case MAX -> new StatisticInterval(sorted[sorted.length - 1], Double.POSITIVE_INFINITY);
            case MEAN -> mean(sorted, confidence);
            case MEDIAN -> quantile(sorted, 0.5, confidence);
            case P90 -> quantile(sorted, 0.9, confidence);
            case P95 -> quantile(sorted, 0.95, confidence);
            case P99 -> quantile(sorted, 0.99, confidence);
        };
    }

    /**
     * The fewest samples whose interval of {@code statistic} is bounded on both sides at
     * {@code confidence}: a quantile q needs q^n and (1-q)^n at most (1 - confidence)/2, e.g. 72
     * samples for p95 and 368 for p99 at 95%; the mean needs 2; min and max are never bounded (0).
     */
    public static int samplesForBoundedInterval(Statistic statistic, double confidence) {
        double tail = (1 - confidence) / 2;
        return switch (statistic) {
            case MIN, MAX -> 0;
            case MEAN -> 2;
            case MEDIAN -> quantileSamples(0.5, tail);
            case P90 -> quantileSamples(0.9, tail);
            case P95 -> quantileSamples(0.95, tail);
            case P99 -> quantileSamples(0.99, tail);
        };
    }

    private static int quantileSamples(double q, double tail) {
        double p = Math.max(q, 1 - q);
        return (int) Math.ceil(Math.log(tail) / Math.log(p));
    }

    /** Whether every value of the interval is at most {@code bound}. */
    public boolean entirelyAtMost(double bound) {
        return high <= bound;
    }

    /** Whether every value of the interval is at least {@code bound}. */
    public boolean entirelyAtLeast(double bound) {
        return low >= bound;
    }

    private static StatisticInterval quantile(double[] sorted, double q, double confidence) {
        int n = sorted.length;
        double alpha = 1 - confidence;
        BinomialDistribution b = new BinomialDistribution(null, n, q);
        // B = number of samples below the true quantile; x(l) <= quantile <= x(u) (1-based) with
        // P(B < l) <= alpha/2 and P(B >= u) <= alpha/2
        int l = b.inverseCumulativeProbability(alpha / 2);
        int u = b.inverseCumulativeProbability(1 - alpha / 2) + 1;
        double low = l >= 1 ? sorted[l - 1] : Double.NEGATIVE_INFINITY;
        double high = u <= n ? sorted[u - 1] : Double.POSITIVE_INFINITY;
        return new StatisticInterval(low, high);
    }

    private static StatisticInterval mean(double[] sorted, double confidence) {
        int n = sorted.length;
        if (n < 2) {
            return new StatisticInterval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        double mean = Arrays.stream(sorted).average().orElse(0);
        double ss = 0;
        for (double v : sorted) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (n - 1) / n);
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new StatisticInterval(mean - t * se, mean + t * se);
    }
}
