package org.perfjunit.verdict;

import org.perfjunit.model.Check;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.UnitFormat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks {@link Limit}s against measured metrics and words each outcome the way a user reads it:
 * {@code p95 duration [461.9 µs] exceeded @MaxDuration [10 µs] over [40] samples (46× the limit)}.
 */
public final class LimitChecker {

    private LimitChecker() {
    }

    /** One check per limit; a limit whose metric is missing fails with a message saying why. */
    public static List<Check> check(List<Limit> limits, Map<String, Metric> metrics, int samples) {
        List<Check> checks = new ArrayList<>();
        for (Limit limit : limits) {
            Metric metric = metrics.get(limit.metric());
            String statisticLabel = limit.statistic() == null ? "value" : limit.statistic().label();
            if (metric == null) {
                checks.add(new Check(limit.source(), limit.metric(), statisticLabel, limit.bound(), Double.NaN, "",
                        false, limit.label() + " was not measured, so " + limit.source() + " cannot be checked"
                        + " (the JVM or the test did not report metric [" + limit.metric() + "])"));
                continue;
            }
            double actual = limit.statistic() != null && metric.summary() != null
                    ? metric.summary().get(limit.statistic()) : metric.value();
            boolean passed = limit.upper() ? actual <= limit.bound() : actual >= limit.bound();
            String prefix = limit.statistic() == null ? "" : statisticLabel + " ";
            String message = prefix + limit.label() + " [" + UnitFormat.format(actual, metric.unit()) + "] "
                    + (passed ? "within " : limit.upper() ? "exceeded " : "fell below ")
                    + limit.source() + " [" + UnitFormat.format(limit.bound(), metric.unit()) + "] over ["
                    + samples + "] samples" + (passed ? "" : relativeToBound(actual, limit.bound()));
            checks.add(new Check(limit.source(), limit.metric(), statisticLabel, limit.bound(), actual, metric.unit(),
                    passed, message));
        }
        return checks;
    }

    /** Whether a limit needs the retained size (a deep walk of the result, skipped otherwise). */
    public static boolean wantsRetained(List<Limit> limits) {
        return limits.stream().anyMatch(l -> l.metric().equals(MetricNames.RETAINED));
    }

    /** How far a broken limit is off, so a reader need not divide: {@code (46× the limit)}, {@code (28% over the limit)}. */
    static String relativeToBound(double actual, double bound) {
        double ratio = actual / bound;
        if (!Double.isFinite(ratio) || ratio <= 0) {
            return "";
        }
        if (ratio >= 2 || ratio <= 0.5) {
            return " (" + multiple(ratio) + "× the limit)";
        }
        long percent = Math.round(Math.abs(ratio - 1) * 100);
        String amount = percent == 0 ? "<1%" : percent + "%";
        return " (" + amount + (ratio > 1 ? " over" : " under") + " the limit)";
    }

    // 46×, 2.5×, 0.25×: two significant figures below 10, whole numbers above
    private static String multiple(double ratio) {
        if (ratio >= 10) {
            return Long.toString(Math.round(ratio));
        }
        return new BigDecimal(ratio).round(new MathContext(2)).stripTrailingZeros().toPlainString();
    }
}
