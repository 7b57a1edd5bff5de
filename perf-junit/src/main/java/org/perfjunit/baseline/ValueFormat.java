package org.perfjunit.baseline;

import java.util.Locale;

/** Human-readable values with units for messages: {@code 12.4 ms}, {@code 1.5 MiB}, {@code +18.2%}. */
public final class ValueFormat {

    private ValueFormat() {
    }

    /** {@code value} in {@code unit}, scaled for time ({@code ns}) and bytes ({@code B}). */
    public static String value(double value, String unit) {
        if ("ns".equals(unit)) {
            double abs = Math.abs(value);
            if (abs >= 1e9) {
                return number(value / 1e9) + " s";
            } else if (abs >= 1e6) {
                return number(value / 1e6) + " ms";
            } else if (abs >= 1e3) {
                return number(value / 1e3) + " µs";
            }
            return number(value) + " ns";
        }
        if ("B".equals(unit)) {
            double abs = Math.abs(value);
            if (abs >= 1L << 30) {
                return number(value / (1L << 30)) + " GiB";
            } else if (abs >= 1L << 20) {
                return number(value / (1L << 20)) + " MiB";
            } else if (abs >= 1L << 10) {
                return number(value / (1L << 10)) + " KiB";
            }
            return number(value) + " B";
        }
        return unit == null || unit.isEmpty() ? number(value) : number(value) + " " + unit;
    }

    /** Four significant digits, no exponent for everyday magnitudes. */
    public static String number(double value) {
        if (value == 0 || !Double.isFinite(value)) {
            return String.valueOf(value == 0 ? 0 : value);
        }
        double abs = Math.abs(value);
        if (abs >= 1e6 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.3e", value);
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(abs)));
        String s = String.format(Locale.ROOT, "%." + decimals + "f", value);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** A signed percentage with one decimal: {@code +18.2%}. */
    public static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    /** Signed percentage points with two decimals: {@code -1.33 pt}. */
    public static String points(double points) {
        return String.format(Locale.ROOT, "%+.2f pt", points);
    }

    /** A p-value: {@code p<0.001} or {@code p=0.042}. */
    public static String pValue(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
    }
}
