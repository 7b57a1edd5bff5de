package org.perfjunit.settings;

import org.perfjunit.stats.NoiseThresholds;
import org.perfjunit.verdict.NoiseAction;
import org.perfjunit.verdict.NoisePolicy;

/**
 * Reads the noise gate's run-wide settings into a {@link NoisePolicy}: what to do with a too-noisy
 * result and the thresholds ({@link NoiseThresholds}; {@code verdict.NoiseVerdict} has the decision rule).
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

    private NoiseConfiguration() {
    }

    static NoisePolicy load(ConfigurationReader r) {
        NoiseAction action = r.enumValue(ACTION_PROPERTY_NAME, NoiseAction.class, NoiseAction.RETRY);
        NoiseThresholds thresholds = new NoiseThresholds(
                r.positive(MAX_CV_PROPERTY_NAME, NoiseThresholds.DEFAULT_MAX_CV),
                r.positive(MAX_CI_PROPERTY_NAME, NoiseThresholds.DEFAULT_MAX_CI),
                r.fraction(DRIFT_ALPHA_PROPERTY_NAME, NoiseThresholds.DEFAULT_DRIFT_ALPHA),
                r.fraction(MIN_DRIFT_PROPERTY_NAME, NoiseThresholds.DEFAULT_MIN_DRIFT),
                r.integer(MIN_SAMPLES_PROPERTY_NAME, NoiseThresholds.DEFAULT_MIN_SAMPLES, 3));
        return new NoisePolicy(action, thresholds);
    }
}
