package org.perfjunit.stats;

/**
 * When {@link NoiseGate} calls a set of samples too noisy to judge.
 *
 * @param maxCoefficientOfVariation largest acceptable sd / mean (default {@value #DEFAULT_MAX_CV})
 * @param maxRelativeCiHalfWidth    largest acceptable half-width of the median's 95% CI relative to the
 *                                  median (default {@value #DEFAULT_MAX_CI})
 * @param driftAlpha                a Mann-Kendall trend with p below this counts as drift
 *                                  (default {@value #DEFAULT_DRIFT_ALPHA})...
 * @param minDrift                  ...when the trend (Sen's slope over the run) also moves the median by at least
 *                                  this fraction (default {@value #DEFAULT_MIN_DRIFT}), so tiny but significant
 *                                  trends over thousands of samples do not count
 * @param minSamples                fewest samples the gate judges (default {@value #DEFAULT_MIN_SAMPLES}); with fewer
 *                                  (only when a test fixes {@code iterations} that low) no distribution-free interval
 *                                  can decide anything, so limits are judged on point estimates, as without the gate
 */
public record NoiseThresholds(double maxCoefficientOfVariation, double maxRelativeCiHalfWidth, double driftAlpha,
                              double minDrift, int minSamples) {

    /** Default CV limit: timing data is skewed, so only a wide spread counts. */
    public static final double DEFAULT_MAX_CV = 0.25;
    /** Default CI limit: ±5% around the median, the usual regression threshold of the reference suites. */
    public static final double DEFAULT_MAX_CI = 0.05;
    /** Default drift significance. */
    public static final double DEFAULT_DRIFT_ALPHA = 0.01;
    /** Default drift magnitude. */
    public static final double DEFAULT_MIN_DRIFT = 0.05;
    /** Default fewest samples judged: also the fewest for the drift test's normal approximation. */
    public static final int DEFAULT_MIN_SAMPLES = 10;

    public NoiseThresholds {
        requirePositive(maxCoefficientOfVariation, "maxCoefficientOfVariation");
        requirePositive(maxRelativeCiHalfWidth, "maxRelativeCiHalfWidth");
        if (!(driftAlpha > 0 && driftAlpha < 1)) {
            throw new IllegalArgumentException("driftAlpha must lie in (0, 1), was " + driftAlpha);
        }
        if (!(minDrift >= 0) || Double.isInfinite(minDrift)) {
            throw new IllegalArgumentException("minDrift must be >= 0, was " + minDrift);
        }
        if (minSamples < 3) {
            throw new IllegalArgumentException("minSamples must be at least 3, was " + minSamples);
        }
    }

    /** The documented defaults. */
    public static NoiseThresholds defaults() {
        return new NoiseThresholds(DEFAULT_MAX_CV, DEFAULT_MAX_CI, DEFAULT_DRIFT_ALPHA, DEFAULT_MIN_DRIFT, DEFAULT_MIN_SAMPLES);
    }

    private static void requirePositive(double v, String name) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be positive, was " + v);
        }
    }
}
