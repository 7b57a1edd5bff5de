package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.engine.SamplerSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Run-wide configuration from JUnit configuration parameters ({@code junit-platform.properties},
 * {@code -D} system properties through Surefire, or the launcher request). Parsed once per run
 * and cached in the root {@link ExtensionContext.Store}.
 */
final class PerfConfiguration {

    /** {@value}: {@code enabled} (default), {@code disabled} (run tests once, unmeasured), {@code report_only} (measure and report, never fail on a gate). */
    static final String MODE_PROPERTY_NAME = "perf.junit.mode";
    /** {@value}: fixed warm-up batches, or -1 to detect steady state (default). */
    static final String WARMUP_ITERATIONS_PROPERTY_NAME = "perf.junit.warmup.iterations";
    /** {@value}: cap on warm-up, e.g. {@code 5s} (default). */
    static final String WARMUP_MAX_TIME_PROPERTY_NAME = "perf.junit.warmup.max.time";
    /** {@value}: fixed number of samples, or -1 for adaptive stopping (default). */
    static final String ITERATIONS_PROPERTY_NAME = "perf.junit.measurement.iterations";
    /** {@value}: adaptive minimum samples, default 10. */
    static final String MIN_SAMPLES_PROPERTY_NAME = "perf.junit.measurement.min.samples";
    /** {@value}: adaptive maximum samples, default 1000 (bounds memory). */
    static final String MAX_SAMPLES_PROPERTY_NAME = "perf.junit.measurement.max.samples";
    /** {@value}: minimum measuring time, default {@code 200ms}. */
    static final String MIN_TIME_PROPERTY_NAME = "perf.junit.measurement.min.time";
    /** {@value}: maximum measuring time, default {@code 10s}. */
    static final String MAX_TIME_PROPERTY_NAME = "perf.junit.measurement.max.time";
    /** {@value}: target relative half-width of the median's CI, default 0.01. */
    static final String PRECISION_PROPERTY_NAME = "perf.junit.measurement.precision";
    /** {@value}: operations per sample, or -1 to calibrate (default). */
    static final String BATCH_SIZE_PROPERTY_NAME = "perf.junit.measurement.batch.size";
    /** {@value}: calibration target for one sample, default {@code 1ms}. */
    static final String SAMPLE_TIME_PROPERTY_NAME = "perf.junit.measurement.sample.time";
    /** {@value}: threads invoking the operation, default 1. */
    static final String THREADS_PROPERTY_NAME = "perf.junit.measurement.threads";
    /** {@value}: where reports and per-test result files go, default {@code target/perf-reports}. */
    static final String REPORT_DIR_PROPERTY_NAME = "perf.junit.report.dir";

    /** The global switch. */
    enum Mode { ENABLED, DISABLED, REPORT_ONLY }

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerfConfiguration.class);

    final Mode mode;
    final SamplerSettings samplerDefaults;
    final Path reportDir;

    private PerfConfiguration(Mode mode, SamplerSettings samplerDefaults, Path reportDir) {
        this.mode = mode;
        this.samplerDefaults = samplerDefaults;
        this.reportDir = reportDir;
    }

    /** The run's configuration, parsed on first use. */
    static PerfConfiguration get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PerfConfiguration.class, k -> {
            ConfigurationKeys.unknownKeyWarnings(Thread.currentThread().getContextClassLoader())
                    .forEach(w -> System.err.println("[perf-junit] WARNING: " + w));
            return load(context::getConfigurationParameter);
        }, PerfConfiguration.class);
    }

    static PerfConfiguration load(Function<String, Optional<String>> parameters) {
        ConfigurationReader r = new ConfigurationReader(parameters);
        SamplerSettings d = SamplerSettings.defaults();
        Mode mode = r.enumValue(MODE_PROPERTY_NAME, Mode.class, Mode.ENABLED);
        int maxSamples = r.integer(MAX_SAMPLES_PROPERTY_NAME, d.maxSamples(), 2);
        int minSamples = r.integer(MIN_SAMPLES_PROPERTY_NAME, d.minSamples(), 2);
        if (minSamples > maxSamples) {
            throw new ExtensionConfigurationException("Configuration error: [" + MIN_SAMPLES_PROPERTY_NAME + "="
                    + minSamples + "] is larger than [" + MAX_SAMPLES_PROPERTY_NAME + "=" + maxSamples + "]; lower the first or raise the second.");
        }
        SamplerSettings defaults = new SamplerSettings(
                r.integer(WARMUP_ITERATIONS_PROPERTY_NAME, d.warmupIterations(), -1),
                r.duration(WARMUP_MAX_TIME_PROPERTY_NAME, d.maxWarmup()),
                r.iterations(ITERATIONS_PROPERTY_NAME, d.iterations()),
                minSamples, maxSamples,
                r.duration(MIN_TIME_PROPERTY_NAME, d.minTime()),
                r.positiveDuration(MAX_TIME_PROPERTY_NAME, d.maxTime()),
                r.fraction(PRECISION_PROPERTY_NAME, d.targetPrecision()),
                r.batch(BATCH_SIZE_PROPERTY_NAME, d.batchSize()),
                r.positiveDuration(SAMPLE_TIME_PROPERTY_NAME, d.minSampleTime()),
                r.integer(THREADS_PROPERTY_NAME, d.threads(), 1));
        Path reportDir = Path.of(parameters.apply(REPORT_DIR_PROPERTY_NAME).orElse("target/perf-reports").trim());
        return new PerfConfiguration(mode, defaults, reportDir);
    }

    /** Typed reads of configuration parameters, each failing with the key, the value and the fix. */
    static final class ConfigurationReader {
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
}
