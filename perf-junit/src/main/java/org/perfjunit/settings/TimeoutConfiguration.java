package org.perfjunit.settings;

import org.perfjunit.Performance;
import org.perfjunit.engine.MeasurementWatchdog.ThreadMode;
import org.perfjunit.engine.TimeoutPolicy;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves a test's measurement timeout ({@link Performance#timeout()}) and where the measurement runs
 * ({@link Performance#threadMode()}): method annotation > class (and enclosing classes) > key > default
 * (derived from {@code maxWarmupTime} and {@code maxTime}; a separate thread).
 */
final class TimeoutConfiguration {

    /** {@value}: timeout of one test's measurement, e.g. {@code 2m}; {@code none} or {@code 0} turns it off; unset = derived. */
    static final String TIMEOUT_PROPERTY_NAME = "perf.junit.measurement.timeout";
    /**
     * {@value}: {@code separate} (default) measures on a thread that can be abandoned, {@code same} on the test
     * thread. Was {@code perf.junit.measurement.thread}, one letter from {@code perf.junit.measurement.threads}.
     */
    static final String THREAD_MODE_PROPERTY_NAME = "perf.junit.measurement.timeout.thread.mode";

    private static final String ADVICE = "If the test needs longer, raise @Performance(timeout) or "
            + TIMEOUT_PROPERTY_NAME + " (\"none\" turns the timeout off).";
    private static final String EXPECTED = "a duration such as 30s or 2m, \"none\" to turn the timeout off, "
            + "or \"\" for 2 x maxWarmupTime + maxTime + grace";

    private TimeoutConfiguration() {
    }

    static TimeoutPolicy resolve(AnnotationLadder annotations, Method method, ConfigurationReader reader) {
        List<Performance> ladder = annotations.all(Performance.class);
        String where = method.getName() + "()";
        ThreadMode mode = ThreadMode.SEPARATE;
        Optional<String> modeText = ladder.stream().map(Performance::threadMode).filter(v -> !v.isBlank()).findFirst();
        Optional<String> modeKey = reader.text(THREAD_MODE_PROPERTY_NAME);
        if (modeText.isPresent()) {
            mode = threadMode(modeText.get()).orElseThrow(() -> SamplerConfiguration.invalid(where, "threadMode",
                    "\"" + modeText.get() + "\"", "\"separate\" or \"same\""));
        } else if (modeKey.isPresent()) {
            mode = threadMode(modeKey.get()).orElseThrow(() -> ConfigurationReader.error(
                    THREAD_MODE_PROPERTY_NAME, modeKey.get(), modeKey.get().matches("\\d+")
                            ? "use separate or same (the number of threads is " + PerfConfiguration.THREADS_PROPERTY_NAME + ")"
                            : "use separate or same"));
        }
        Optional<String> timeout = ladder.stream().map(Performance::timeout).filter(v -> !v.isBlank()).findFirst();
        if (timeout.isPresent()) {
            Duration limit = parse(timeout.get());
            if (limit == null) {
                throw SamplerConfiguration.invalid(where, "timeout", "\"" + timeout.get() + "\"", EXPECTED);
            }
            return new TimeoutPolicy(limit, "(@Performance(timeout = \"" + timeout.get() + "\"))", ADVICE, mode);
        }
        Optional<String> key = reader.text(TIMEOUT_PROPERTY_NAME);
        if (key.isPresent()) {
            Duration limit = parse(key.get());
            if (limit == null) {
                throw ConfigurationReader.error(TIMEOUT_PROPERTY_NAME, key.get(), "use " + EXPECTED);
            }
            return new TimeoutPolicy(limit, "(" + TIMEOUT_PROPERTY_NAME + "=" + key.get() + ")", ADVICE, mode);
        }
        return new TimeoutPolicy(null, "", ADVICE, mode);
    }

    private static Optional<ThreadMode> threadMode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "separate" -> Optional.of(ThreadMode.SEPARATE);
            case "same" -> Optional.of(ThreadMode.SAME);
            default -> Optional.empty();
        };
    }

    /** The timeout, {@link Duration#ZERO} for none, or null when the text is not a duration. */
    private static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("0")) {
            return Duration.ZERO;
        }
        try {
            return DurationParser.parse(t);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
