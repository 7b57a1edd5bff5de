package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

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

    int integer(String key, int fallback, int min) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(v.get());
            if (parsed < min) {
                throw error(key, v.get(), "use an integer of at least " + min);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(key, v.get(), "use an integer of at least " + min);
        }
    }

    int iterations(String key, int fallback) {
        int parsed = integer(key, fallback, -1);
        if (parsed == 0) {
            throw error(key, "0", "use a positive number of samples, or -1 for adaptive stopping");
        }
        return parsed;
    }

    long batch(String key, long fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(v.get());
            if (parsed == 0 || parsed < -1) {
                throw error(key, v.get(), "use a positive batch size, or -1 to calibrate");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(key, v.get(), "use a positive batch size, or -1 to calibrate");
        }
    }

    double fraction(String key, double fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(v.get());
            if (!(parsed > 0 && parsed < 1)) {
                throw error(key, v.get(), "use a fraction between 0 and 1, e.g. 0.01 for 1%");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(key, v.get(), "use a fraction between 0 and 1, e.g. 0.01 for 1%");
        }
    }

    double positive(String key, double fallback) {
        Optional<String> v = value(key);
        if (v.isEmpty()) {
            return fallback;
        }
        try {
            double parsed = Double.parseDouble(v.get());
            if (!(parsed > 0) || Double.isInfinite(parsed)) {
                throw error(key, v.get(), "use a positive number, e.g. 0.05");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw error(key, v.get(), "use a positive number, e.g. 0.05");
        }
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
