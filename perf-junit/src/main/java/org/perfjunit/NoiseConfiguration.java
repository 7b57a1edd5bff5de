package org.perfjunit;

import org.perfjunit.engine.Limit;
import org.perfjunit.engine.NoiseVerdict;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.stats.NoiseThresholds;
import org.perfjunit.stats.StatisticInterval;

import java.util.List;

/**
 * The noise gate's run-wide settings: what to do with a too-noisy result and the thresholds
 * ({@link NoiseThresholds}, {@link org.perfjunit.engine.NoiseVerdict} for the decision rule).
 */
final class NoiseConfiguration {

    /** {@value}: {@code retry} (default), {@code abort}, {@code fail} or {@code ignore}, see {@link NoiseAction}. */
    static final String ACTION_PROPERTY_NAME = "perf.junit.noise.action";
    /** {@value}: largest coefficient of variation of the time samples, default 0.25. */
    static final String MAX_CV_PROPERTY_NAME = "perf.junit.noise.max.cv";
    /** {@value}: largest half-width of the median's 95% CI relative to the median, default 0.05 (±5%). */
    static final String MAX_CI_PROPERTY_NAME = "perf.junit.noise.max.ci";
    /** {@value}: Mann-Kendall p below which a trend over time counts as drift, default 0.01. */
    static final String DRIFT_ALPHA_PROPERTY_NAME = "perf.junit.noise.drift.alpha";
    /** {@value}: smallest drift over the run (relative to the median) that counts, default 0.05. */
    static final String MIN_DRIFT_PROPERTY_NAME = "perf.junit.noise.drift.min";
    /** {@value}: fewest samples the gate judges, default 10; with fewer, limits are judged on point estimates. */
    static final String MIN_SAMPLES_PROPERTY_NAME = "perf.junit.noise.min.samples";

    final NoiseAction action;
    final NoiseThresholds thresholds;

    NoiseConfiguration(NoiseAction action, NoiseThresholds thresholds) {
        this.action = action;
        this.thresholds = thresholds;
    }

    private static final org.junit.jupiter.api.extension.ExtensionContext.Namespace NAMESPACE =
            org.junit.jupiter.api.extension.ExtensionContext.Namespace.create(NoiseConfiguration.class);

    /** The run's noise settings, parsed once and cached in the root store. */
    static NoiseConfiguration get(org.junit.jupiter.api.extension.ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(NoiseConfiguration.class,
                k -> load(new PerfConfiguration.ConfigurationReader(context::getConfigurationParameter)),
                NoiseConfiguration.class);
    }

    static NoiseConfiguration defaults() {
        return new NoiseConfiguration(NoiseAction.RETRY, NoiseThresholds.defaults());
    }

    static NoiseConfiguration load(PerfConfiguration.ConfigurationReader r) {
        NoiseAction action = r.enumValue(ACTION_PROPERTY_NAME, NoiseAction.class, NoiseAction.RETRY);
        NoiseThresholds thresholds = new NoiseThresholds(
                r.positive(MAX_CV_PROPERTY_NAME, NoiseThresholds.DEFAULT_MAX_CV),
                r.positive(MAX_CI_PROPERTY_NAME, NoiseThresholds.DEFAULT_MAX_CI),
                r.fraction(DRIFT_ALPHA_PROPERTY_NAME, NoiseThresholds.DEFAULT_DRIFT_ALPHA),
                r.fraction(MIN_DRIFT_PROPERTY_NAME, NoiseThresholds.DEFAULT_MIN_DRIFT),
                r.integer(MIN_SAMPLES_PROPERTY_NAME, NoiseThresholds.DEFAULT_MIN_SAMPLES, 3));
        return new NoiseConfiguration(action, thresholds);
    }

    /** Thresholds to judge with, or null when the gate is off. */
    NoiseThresholds gate() {
        return action == NoiseAction.IGNORE ? null : thresholds;
    }

    /**
     * The re-measure of an INCONCLUSIVE result: twice the samples, and at least enough for the
     * limits' statistics to have a bounded interval (a p95 needs 72 samples), else a p95 limit far
     * above every sample stays undecidable however quiet the re-measure is.
     */
    static SamplerSettings retry(SamplerSettings s, List<Limit> limits) {
        int bounded = limits.stream().filter(l -> l.statistic() != null)
                .mapToInt(l -> StatisticInterval.samplesForBoundedInterval(l.statistic(), NoiseVerdict.CONFIDENCE))
                .max().orElse(0);
        return doubled(s, bounded);
    }

    private static SamplerSettings doubled(SamplerSettings s, int atLeast) {
        return new SamplerSettings(s.warmupIterations(), s.maxWarmup(),
                s.iterations() > 0 ? Math.max(2 * s.iterations(), atLeast) : -1, Math.max(2 * s.minSamples(), atLeast),
                Math.max(2 * s.maxSamples(), atLeast), s.minTime().multipliedBy(2), s.maxTime().multipliedBy(2),
                s.targetPrecision(), s.batchSize(), s.minSampleTime(), s.threads());
    }
}
