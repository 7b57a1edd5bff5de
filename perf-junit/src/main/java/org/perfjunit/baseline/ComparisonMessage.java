package org.perfjunit.baseline;

import org.perfjunit.model.Level;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.stats.BootstrapInterval;
import org.perfjunit.stats.RankTestResult;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Writes the sentence of a {@link org.perfjunit.model.Comparison}, e.g.
 * {@code median time [12.4 ms] is +18.2% [+15.1%, +21.0%] over baseline [10.5 ms] (critical threshold 15%, p=0.001, effect 0.82)}.
 */
record ComparisonMessage(String metric, String unit, Threshold threshold, String statistic, int pairs) {

    ComparisonMessage(String metric, String unit, Threshold threshold) {
        this(metric, unit, threshold, "value", 0);
    }

    ComparisonMessage withStatistic(String label) {
        return new ComparisonMessage(metric, unit, threshold, label, pairs);
    }

    /** The same message naming how many pairs a paired comparison used ({@code ..., 240 pairs)}). */
    ComparisonMessage withPairs(int count) {
        return new ComparisonMessage(metric, unit, threshold, statistic, count);
    }

    String sampled(Level level, double base, double cur, BootstrapInterval ci, RankTestResult rank, double noise) {
        String change;
        String interval;
        if (threshold.absolute()) {
            double k = BaselineComparator.points(unit);
            change = UnitFormat.points(ci.difference() * k);
            interval = UnitFormat.points(ci.differenceLow() * k) + ", " + UnitFormat.points(ci.differenceHigh() * k);
        } else {
            change = UnitFormat.percent(ci.ratio() - 1);
            interval = UnitFormat.percent(ci.ratioLow() - 1) + ", " + UnitFormat.percent(ci.ratioHigh() - 1);
        }
        String details = reason(level, noise) + ", " + UnitFormat.pValue(rank.pValue()) + ", effect "
                + String.format(Locale.ROOT, "%.2f", rank.effectSize()) + (pairs > 0 ? ", " + pairs + " pairs" : "");
        boolean up = threshold.absolute() ? ci.difference() >= 0 : ci.ratio() >= 1; // paired: the per-pair estimate
        return head(cur) + " is " + change + " [" + interval + "] " + (up ? "over" : "under")
                + " baseline [" + UnitFormat.format(base, unit) + "] (" + details + ")";
    }

    /**
     * {@code paired median time [180 µs] is +4.9% [+4.8%, +5.1%] over baseline [171.7 µs] (critical threshold 3%,
     * p<0.001; 4 pairings of fresh copies read +5.0%, +4.9%, +4.8%, +4.9%)}: a verdict across pairings.
     */
    String acrossPairings(Level level, double base, double cur, double ratio, double low, double high, double p,
                          double[] ratios) {
        String readings = readings(ratios);
        String critical = Threshold.format(threshold.critical(), threshold.absolute());
        String reason = level == Level.INCONCLUSIVE ? "interval straddles critical threshold " + critical : reason(level, 0);
        String spread = level == Level.INCONCLUSIVE ? ": copies of the same code differ by more than the threshold, as "
                + "the JIT happened to compile them" : "";
        return head(cur) + " is " + UnitFormat.percent(ratio - 1) + " [" + UnitFormat.percent(low - 1) + ", "
                + UnitFormat.percent(high - 1) + "] " + (ratio >= 1 ? "over" : "under") + " baseline ["
                + UnitFormat.format(base, unit) + "] (" + reason + ", " + UnitFormat.pValue(p) + "; " + ratios.length
                + " pairings of fresh copies read " + readings + spread + ")";
    }

    /**
     * What fresh JVMs made of a failing verdict ({@link BaselineComparator#confirmInFreshJvms}), appended to it:
     * {@code confirmed in 3 fresh JVMs: 4 JVMs read +40.0%, +42.6%, +37.7%, +40.6%, the fastest beyond 15% too}.
     *
     * @param ratios  this JVM's ratio first, then each fresh JVM's
     * @param fastest the fresh JVMs' best ratio
     */
    String freshJvms(boolean confirmed, double[] ratios, double fastest) {
        String readings = readings(ratios);
        String critical = Threshold.format(threshold.critical(), threshold.absolute());
        return (confirmed ? "confirmed" : "not confirmed") + " in " + (ratios.length - 1) + " fresh JVMs: "
                + ratios.length + " JVMs read " + readings + ", the fastest " + (confirmed
                ? "beyond " + critical + " too"
                : "at " + UnitFormat.percent(fastest - 1) + ", within " + critical + ": fresh JVMs of the same code "
                        + "differ by more than the threshold (the vCPU and what shared its core, JIT compilation, heap "
                        + "growth)");
    }

    /** {@code +5.0%, +4.9%, -1.2%}: each ratio as a change. */
    private static String readings(double[] ratios) {
        return Arrays.stream(ratios).mapToObj(r -> UnitFormat.percent(r - 1)).collect(Collectors.joining(", "));
    }

    String single(Level level, double base, double cur) {
        String change = threshold.absolute() ? UnitFormat.points((cur - base) * BaselineComparator.points(unit))
                : UnitFormat.percent(cur / base - 1);
        return head(cur) + " is " + change + " " + (cur >= base ? "over" : "under") + " baseline ["
                + UnitFormat.format(base, unit) + "] (" + reason(level, 0)
                + "; single value without samples, compared by threshold alone)";
    }

    String zeroBaseline(Level level, double cur) {
        return head(cur) + " against a baseline of [" + UnitFormat.format(0, unit)
                + "]: the relative change is undefined, so this is at most a " + level.name().toLowerCase(Locale.ROOT)
                + " (set an absolute threshold to gate it)";
    }

    private String head(double cur) {
        String label = "value".equals(statistic) ? metric : statistic + " " + metric;
        return label + " [" + UnitFormat.format(cur, unit) + "]";
    }

    private String reason(Level level, double noise) {
        String warning = Threshold.format(threshold.warning(), threshold.absolute());
        String critical = Threshold.format(threshold.critical(), threshold.absolute());
        return switch (level) {
            case CRITICAL -> "critical threshold " + critical;
            case WARNING -> "warning threshold " + warning + ", critical " + critical;
            case IMPROVEMENT -> "improvement beyond " + warning;
            case INCONCLUSIVE -> "interval straddles critical threshold " + critical + ", too noisy to decide: "
                    + "coefficient of variation " + String.format(Locale.ROOT, "%.1f%%", noise * 100);
            default -> "within warning threshold " + warning + " and critical " + critical;
        };
    }
}
