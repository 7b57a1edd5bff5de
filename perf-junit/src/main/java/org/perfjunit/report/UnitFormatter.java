package org.perfjunit.report;

import java.util.Locale;

/**
 * Formats base-unit values for people: {@code 1234567 ns} as {@code 1.23 ms}, {@code 2048 B} as
 * {@code 2.00 KiB}, {@code 12345 ops/s} as {@code 12.3k ops/s}, {@code 0.0042 J} as {@code 4.20 mJ}.
 * Three significant digits; {@link Locale#ROOT} so reports are identical on every machine.
 */
public final class UnitFormatter {

    private static final String[] TIME = {"ns", "µs", "ms", "s"};
    private static final String[] BYTES = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final String[] SI_UP = {"", "k", "M", "G", "T"};
    private static final String[] ENERGY = {"J", "mJ", "µJ", "nJ", "pJ"};

    private UnitFormatter() {
    }

    /** Formats {@code value} given in base unit {@code unit} ({@code ns}, {@code B}, {@code ops/s}, {@code J}, other). */
    public static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "–";
        }
        return switch (unit == null ? "" : unit) {
            case "ns" -> nanos(value);
            case "B" -> bytes(value);
            case "ops/s" -> throughput(value);
            case "J" -> joules(value);
            case "" -> number(value);
            default -> number(value) + " " + unit;
        };
    }

    /** A duration in nanoseconds: {@code 850 ns}, {@code 1.23 ms}, {@code 2.50 s}. */
    public static String nanos(double ns) {
        double v = ns;
        int i = 0;
        while (i < TIME.length - 1 && Math.abs(v) >= 1000) {
            v /= 1000;
            i++;
        }
        return number(v) + " " + TIME[i];
    }

    /** A size in bytes with binary prefixes: {@code 512 B}, {@code 1.50 KiB}. */
    public static String bytes(double bytes) {
        double v = bytes;
        int i = 0;
        while (i < BYTES.length - 1 && Math.abs(v) >= 1024) {
            v /= 1024;
            i++;
        }
        return (i == 0 ? number(Math.rint(v)) : number(v)) + " " + BYTES[i];
    }

    /** Operations per second with SI prefixes: {@code 12.3k ops/s}. */
    public static String throughput(double opsPerSecond) {
        double v = opsPerSecond;
        int i = 0;
        while (i < SI_UP.length - 1 && Math.abs(v) >= 1000) {
            v /= 1000;
            i++;
        }
        return number(v) + SI_UP[i] + " ops/s";
    }

    /** Energy in joules: {@code 1.20 J}, {@code 4.20 mJ}, {@code 950 µJ}. */
    public static String joules(double joules) {
        double v = joules;
        int i = 0;
        while (i < ENERGY.length - 1 && v != 0 && Math.abs(v) < 1) {
            v *= 1000;
            i++;
        }
        return number(v) + " " + ENERGY[i];
    }

    /** A signed relative change: {@code +32.2%}, {@code -4.0%}. */
    public static String percentChange(double ratio) {
        if (!Double.isFinite(ratio)) {
            return "–";
        }
        return String.format(Locale.ROOT, "%+.1f%%", (ratio - 1) * 100);
    }

    /** Three significant digits without exponent for everyday magnitudes. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e6 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
