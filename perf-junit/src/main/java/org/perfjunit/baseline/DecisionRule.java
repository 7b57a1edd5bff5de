package org.perfjunit.baseline;

import org.perfjunit.model.Level;

/**
 * The decision rule, on the change of a metric in its worse direction (positive = worse), in the
 * threshold's unit (fraction or points), with its confidence interval {@code [low, high]}:
 * <ol>
 *   <li>CRITICAL: the whole interval lies beyond the critical threshold (and the rank test agrees);</li>
 *   <li>INCONCLUSIVE: the interval straddles the critical threshold: the data cannot tell a pass from a failure;</li>
 *   <li>WARNING: the estimate is past the warning threshold and the change is significant (interval above 0, p &lt; alpha);</li>
 *   <li>IMPROVEMENT: the same, the better way;</li>
 *   <li>STABLE: otherwise.</li>
 * </ol>
 * A single value (no samples) has no interval: it is compared with the thresholds alone.
 */
final class DecisionRule {

    private DecisionRule() {
    }

    static Level sampled(double low, double estimate, double high, boolean significant, Threshold threshold) {
        if (low > threshold.critical()) {
            return significant ? Level.CRITICAL : Level.INCONCLUSIVE;
        }
        if (high > threshold.critical()) {
            return Level.INCONCLUSIVE;
        }
        if (estimate > threshold.warning() && low > 0 && significant) {
            return Level.WARNING;
        }
        if (estimate < -threshold.warning() && high < 0 && significant) {
            return Level.IMPROVEMENT;
        }
        return Level.STABLE;
    }

    static Level single(double change, Threshold threshold) {
        if (change > threshold.critical()) {
            return Level.CRITICAL;
        }
        if (change > threshold.warning()) {
            return Level.WARNING;
        }
        return change < -threshold.warning() ? Level.IMPROVEMENT : Level.STABLE;
    }
}
