package org.perfjunit.baseline;

import java.util.Locale;

/**
 * Warning and critical limits of one metric's change against its baseline. Relative thresholds
 * are fractions of the baseline ({@code 0.08} = 8%); absolute ones are percentage points of a
 * score ({@code 1.0} = 1 point: 0.01 for a metric in [0, 1], 1 for a metric in {@code %}).
 * Written as {@code "8%"} or {@code "1pt"}.
 *
 * @param warning  change (in the worse direction) past which a significant change is a WARNING
 * @param critical change past which the whole interval must lie for a CRITICAL verdict
 * @param absolute whether the values are percentage points rather than fractions
 */
public record Threshold(double warning, double critical, boolean absolute) {

    public Threshold {
        if (!(warning >= 0 && critical > 0 && Double.isFinite(critical) && warning <= critical)) {
            throw new IllegalArgumentException("thresholds need 0 <= warning <= critical, got warning "
                    + format(warning, absolute) + " and critical " + format(critical, absolute));
        }
    }

    /** A relative threshold, e.g. {@code relative(0.08, 0.15)}. */
    public static Threshold relative(double warning, double critical) {
        return new Threshold(warning, critical, false);
    }

    /** An absolute threshold in percentage points. */
    public static Threshold points(double warning, double critical) {
        return new Threshold(warning, critical, true);
    }

    /**
     * Parses one limit, {@code "8%"}, {@code "8.5 %"} or {@code "1pt"}.
     *
     * @return the value: a fraction for {@code %}, points for {@code pt}
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static double parseLimit(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        boolean pt = t.endsWith("pt");
        if (!pt && !t.endsWith("%")) {
            throw new IllegalArgumentException("expected a percentage such as '8%' or points such as '1pt'");
        }
        String number = t.substring(0, t.length() - (pt ? 2 : 1)).trim();
        double value;
        try {
            value = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + number + "' is not a number; expected e.g. '8%' or '1pt'", e);
        }
        if (!(value > 0 && value < 1e6)) {
            throw new IllegalArgumentException("the limit must be positive and finite");
        }
        return pt ? value : value / 100;
    }

    /** Whether {@code text} is written in points ({@code 1pt}). */
    public static boolean isPoints(String text) {
        return text.trim().toLowerCase(Locale.ROOT).endsWith("pt");
    }

    /** The limit as written in configuration: {@code 8%} or {@code 1pt}. */
    public static String format(double value, boolean absolute) {
        double shown = absolute ? value : value * 100;
        String number = shown == Math.rint(shown) ? String.valueOf((long) shown)
                : String.format(Locale.ROOT, "%.2f", shown).replaceAll("0+$", "");
        return number + (absolute ? " pt" : "%");
    }
}
