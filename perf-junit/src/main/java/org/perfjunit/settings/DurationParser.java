package org.perfjunit.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written as {@code 500ms}, {@code 2s}, {@code 1.5s}, {@code 100us}, {@code 1m} or ISO-8601 {@code PT2S}. */
final class DurationParser {

    private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)");

    private DurationParser() {
    }

    /** The duration, or {@link IllegalArgumentException} with a message saying what is accepted. */
    static Duration parse(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIMPLE.matcher(trimmed);
        if (m.matches()) {
            double amount = Double.parseDouble(m.group(1));
            double nanosPerUnit = switch (m.group(2)) {
                case "ns" -> 1;
                case "us", "µs" -> 1e3;
                case "ms" -> 1e6;
                case "s" -> 1e9;
                case "m" -> 60e9;
                default -> 3600e9;
            };
            double nanos = amount * nanosPerUnit;
            if (nanos > Long.MAX_VALUE / 2.0) {
                throw new IllegalArgumentException("duration [" + text + "] is too long");
            }
            return Duration.ofNanos(Math.round(nanos));
        }
        try {
            Duration d = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration [" + text + "] is negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("cannot read [" + text + "] as a duration; write e.g. 500ms, 2s, 1m or PT2S");
        }
    }
}
