package org.perfjunit.verdict;

import org.perfjunit.stats.NoiseThresholds;

/**
 * The noise gate of one test: the thresholds that call samples too noisy to decide a limit, and
 * what happens then.
 *
 * @param action     what a too-noisy result does
 * @param thresholds the gate's thresholds
 */
public record NoisePolicy(NoiseAction action, NoiseThresholds thresholds) {

    /** Re-measure once, with the default thresholds. */
    public static NoisePolicy defaults() {
        return new NoisePolicy(NoiseAction.RETRY, NoiseThresholds.defaults());
    }

    /** Thresholds to judge with, or null when the gate is off. */
    public NoiseThresholds gate() {
        return action == NoiseAction.IGNORE ? null : thresholds;
    }
}
