package org.perfjunit.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link NoiseGate} found about one run's samples.
 *
 * @param samples                number of samples judged
 * @param coefficientOfVariation sd / mean
 * @param relativeCiHalfWidth    half-width of the median's 95% CI / median
 * @param driftPValue            two-sided Mann-Kendall p-value of a trend over time (1 when too few samples)
 * @param relativeDrift          Sen's slope times the run length, relative to the median (signed); 0 when the
 *                               trend is not significant (then it is not computed)
 * @param thresholds             the limits applied
 */
public record NoiseAssessment(int samples, double coefficientOfVariation, double relativeCiHalfWidth,
                              double driftPValue, double relativeDrift, NoiseThresholds thresholds) {

    /** Whether the spread exceeds the CV limit. */
    public boolean tooVariable() {
        return coefficientOfVariation > thresholds.maxCoefficientOfVariation();
    }

    /** Whether the median's CI is wider than allowed. */
    public boolean tooImprecise() {
        return relativeCiHalfWidth > thresholds.maxRelativeCiHalfWidth();
    }

    /** Whether the samples trend over time (significant and large enough). */
    public boolean drifting() {
        return driftPValue < thresholds.driftAlpha() && Math.abs(relativeDrift) >= thresholds.minDrift();
    }

    /** Whether there are enough samples to judge ({@link NoiseThresholds#minSamples()}). */
    public boolean judgeable() {
        return samples >= thresholds.minSamples();
    }

    /** Whether there are enough samples and any of the three checks failed. */
    public boolean noisy() {
        return judgeable() && (tooVariable() || tooImprecise() || drifting());
    }

    /**
     * The reasons, naming each figure and its limit:
     * {@code too noisy to judge: median CI ±7.3% (limit ±5%), drift p=0.001 over [40] samples}.
     * Describes the figures even when the samples are not noisy ({@code stable: ...}).
     */
    public String describe() {
        if (!judgeable()) {
            return "too few samples to judge noise: [" + samples + "] (minimum [" + thresholds.minSamples() + "])";
        }
        List<String> parts = new ArrayList<>();
        if (tooVariable() || !noisy()) {
            parts.add("CV " + percent(coefficientOfVariation) + " (limit " + percent(thresholds.maxCoefficientOfVariation()) + ")");
        }
        if (tooImprecise() || !noisy()) {
            parts.add("median CI ±" + percent(relativeCiHalfWidth) + " (limit ±" + percent(thresholds.maxRelativeCiHalfWidth()) + ")");
        }
        if (drifting() || !noisy()) {
            parts.add("drift p=" + pValue(driftPValue) + (driftPValue < thresholds.driftAlpha()
                    ? " (" + (relativeDrift >= 0 ? "+" : "") + percent(relativeDrift) + " over the run)" : ""));
        }
        return (noisy() ? "too noisy to judge: " : "stable: ") + String.join(", ", parts) + " over [" + samples + "] samples";
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        String text = Math.abs(p) >= 10 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p);
        return (text.endsWith(".0") ? text.substring(0, text.length() - 2) : text) + "%";
    }

    private static String pValue(double p) {
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }
}
