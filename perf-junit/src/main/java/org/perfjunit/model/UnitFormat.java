package org.perfjunit.model;

import java.util.Locale;

/**
 * The one formatter of values for people, so a figure reads the same in a failure message, the console
 * line, every report and the CLI: {@code 128.4 ms}, {@code 1.5 MiB}, {@code 12.35 kops/s}, {@code 4.2 mJ},
 * {@code +32.2%}, {@code p<0.001}. Four significant digits at most, {@link Locale#ROOT} everywhere, and
 * {@code –} for a value that is not a number.
 */
public final class UnitFormat {

    private UnitFormat() {
    }

    /** Formats {@code value} given in base unit {@code unit} ({@code ns}, {@code B}, {@code J}, {@code .../s}, or anything). */
    public static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        if (unit == null) {
            unit = "";
        }
        return switch (unit) {
            case "ns" -> nanos(value);
            case "B" -> bytes(value);
            case "J" -> joules(value);
            default -> unit.endsWith("/s") ? rate(value, unit) : number(value) + (unit.isEmpty() ? "" : " " + unit);
        };
    }

    /** A duration in ns, scaled to ns, µs, ms or s. */
    public static String nanos(double ns) {
        double abs = Math.abs(ns);
        if (abs < 1e3) {
            return number(ns) + " ns";
        } else if (abs < 1e6) {
            return number(ns / 1e3) + " µs";
        } else if (abs < 1e9) {
            return number(ns / 1e6) + " ms";
        }
        return number(ns / 1e9) + " s";
    }

    /** Bytes, scaled to B, KiB, MiB or GiB. */
    public static String bytes(double b) {
        double abs = Math.abs(b);
        if (abs < 1024) {
            return number(b) + " B";
        } else if (abs < 1024 * 1024) {
            return number(b / 1024) + " KiB";
        } else if (abs < 1024.0 * 1024 * 1024) {
            return number(b / (1024.0 * 1024)) + " MiB";
        }
        return number(b / (1024.0 * 1024 * 1024)) + " GiB";
    }

    /** Joules, scaled to pJ .. J. */
    public static String joules(double j) {
        double abs = Math.abs(j);
        if (abs == 0 || abs >= 1) {
            return number(j) + " J";
        } else if (abs >= 1e-3) {
            return number(j * 1e3) + " mJ";
        } else if (abs >= 1e-6) {
            return number(j * 1e6) + " µJ";
        } else if (abs >= 1e-9) {
            return number(j * 1e9) + " nJ";
        }
        return number(j * 1e12) + " pJ";
    }

    /** A rate such as {@code ops/s}, with k/M/G prefixes on the count. */
    public static String rate(double perSecond, String unit) {
        String base = unit.substring(0, unit.length() - 2);
        double abs = Math.abs(perSecond);
        if (abs >= 1e9) {
            return number(perSecond / 1e9) + " G" + base + "/s";
        } else if (abs >= 1e6) {
            return number(perSecond / 1e6) + " M" + base + "/s";
        } else if (abs >= 1e4) {
            return number(perSecond / 1e3) + " k" + base + "/s";
        }
        return number(perSecond) + " " + unit;
    }

    /** A plain number with at most four significant digits (no exponent for ordinary magnitudes). */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        double abs = Math.abs(v);
        if (abs >= 1e6 || abs < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        int decimals = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 2 : 3;
        String s = String.format(Locale.ROOT, "%." + decimals + "f", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A signed relative change of a ratio current / baseline: {@code +32.2%}, {@code -4.0%}; {@code –} when unknown. */
    public static String percentChange(double ratio) {
        return Double.isFinite(ratio) ? percent(ratio - 1) : "–";
    }

    /** A signed percentage of a fraction, one decimal: {@code +18.2%}. */
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
