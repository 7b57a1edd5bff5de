package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/** Typed reads of configuration parameters, each failing with the key, the value and the fix. */
final class ConfigurationReader {
    private final Function<String, Optional<String>> parameters;

    ConfigurationReader(Function<String, Optional<String>> parameters) {
        this.parameters = parameters;
    }

    private Optional<String> value(String key) {
        return parameters.apply(key).map(String::trim).filter(s -> !s.isEmpty());
    }

    static ExtensionConfigurationException error(String key, String value, String fix) {
        return new ExtensionConfigurationException(
                "Configuration error: [" + key + "=" + value + "] is invalid; " + fix + ".");
    }

    /**
     * The value of {@code key} parsed by {@code parser} and accepted by {@code valid}, or {@code fallback} when unset;
     * a value that does not parse or is not accepted is an error saying {@code fix}.
     */
    private <T> T parse(String key, T fallback, Function<String, T> parser, Predicate<T> valid, String fix) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        T parsed;
        try {
            parsed = parser.apply(v.get());
        } catch (NumberFormatException e) {
            throw error(key, v.get(), fix);
        }
        if (!valid.test(parsed)) {
            throw error(key, v.get(), fix);
        }
        return parsed;
    }

    int integer(String key, int fallback, int min) {
        return parse(key, fallback, Integer::parseInt, n -> n >= min, "use an integer of at least " + min);
    }

    int iterations(String key, int fallback) {
        int parsed = integer(key, fallback, -1);
        if (parsed == 0) {
            throw error(key, "0", "use a positive number of samples, or -1 for adaptive stopping");
        }
        return parsed;
    }

    long batch(String key, long fallback) {
        return parse(key, fallback, Long::parseLong, n -> n > 0 || n == -1, "use a positive batch size, or -1 to calibrate");
    }

    double fraction(String key, double fallback) {
        return parse(key, fallback, Double::parseDouble, d -> d > 0 && d < 1,
                "use a fraction between 0 and 1, e.g. 0.01 for 1%");
    }

    double positive(String key, double fallback) {
        return parse(key, fallback, Double::parseDouble, d -> d > 0 && !Double.isInfinite(d),
                "use a positive number, e.g. 0.05");
    }

    boolean bool(String key, boolean fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        return switch (v.get().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(key, v.get(), "use true or false");
        };
    }

    Optional<String> text(String key) {
        return value(key);
    }

    Duration duration(String key, Duration fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return DurationParser.parse(v.get());
        } catch (IllegalArgumentException e) {
            throw error(key, v.get(), "write a duration such as 500ms, 2s or 1m");
        }
    }

    Duration positiveDuration(String key, Duration fallback) {
        Duration d = duration(key, fallback);
        if (d.isZero()) {
            throw error(key, value(key).orElse("0"), "use a positive duration such as 500ms or 2s");
        }
        return d;
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, v.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
            }
            throw error(key, v.get(), "use one of " + allowed);
        }
    }
}
