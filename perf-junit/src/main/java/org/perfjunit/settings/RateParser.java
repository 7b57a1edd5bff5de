package org.perfjunit.settings;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses invocation rates written as {@code 500/s}, {@code 1.5/ms}, {@code 30000/min} or {@code 2/h}, into per second. */
final class RateParser {

    private static final Pattern RATE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*/\\s*(ns|us|µs|ms|s|sec|m|min|h)");

    private RateParser() {
    }

    /** Invocations per second, or {@link IllegalArgumentException} saying what is accepted. */
    static double perSecond(String text) {
        Matcher m = RATE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("cannot read [" + text + "] as a rate; write e.g. 500/s, 2/ms or 30000/min");
        }
        double amount = Double.parseDouble(m.group(1));
        double secondsPerUnit = switch (m.group(2)) {
            case "ns" -> 1e-9;
            case "us", "µs" -> 1e-6;
            case "ms" -> 1e-3;
            case "s", "sec" -> 1;
            case "m", "min" -> 60;
            default -> 3600;
        };
        double rate = amount / secondsPerUnit;
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate [" + text + "] must be positive");
        }
        return rate;
    }
}
