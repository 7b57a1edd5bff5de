package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.fork.ForkSettings;
import org.perfjunit.verdict.NoisePolicy;

import java.nio.file.Path;
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
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PerfConfiguration.class);

    final PerfSettings.Mode mode;
    final SamplerSettings samplerDefaults;
    final Path reportDir;
    final NoisePolicy noise;
    final ForkSettings fork;

    private PerfConfiguration(PerfSettings.Mode mode, SamplerSettings samplerDefaults, Path reportDir, NoisePolicy noise,
                              ForkSettings fork) {
        this.mode = mode;
        this.samplerDefaults = samplerDefaults;
        this.reportDir = reportDir;
        this.noise = noise;
        this.fork = fork;
    }

    /** The run's configuration, parsed on first use. */
    static PerfConfiguration get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(PerfConfiguration.class, k -> {
            ConfigurationKeys.unknownKeyWarnings(Thread.currentThread().getContextClassLoader())
                    .forEach(w -> System.err.println("[perf-junit] WARNING: " + w));
            return load(ConfigurationKeys.parameters(context));
        }, PerfConfiguration.class);
    }

    static PerfConfiguration load(Function<String, Optional<String>> parameters) {
        ConfigurationReader r = new ConfigurationReader(parameters);
        SamplerSettings d = SamplerSettings.defaults();
        PerfSettings.Mode mode = r.enumValue(MODE_PROPERTY_NAME, PerfSettings.Mode.class, PerfSettings.Mode.ENABLED);
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
        Path reportDir = ReportConfiguration.reportDir(parameters);
        return new PerfConfiguration(mode, defaults, reportDir, NoiseConfiguration.load(r), ForkConfiguration.runWide(r));
    }
}
