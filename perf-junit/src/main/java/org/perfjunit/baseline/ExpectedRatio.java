package org.perfjunit.baseline;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;

import java.util.Locale;

/**
 * The expected-ratio verdict of a paired A/B comparison ({@code @Baseline(against = ..., maxRatio = 1.9)}):
 * on the confidence interval of candidate / reference, CRITICAL when it lies wholly above the bound,
 * INCONCLUSIVE when it straddles it, STABLE when it lies at or below it.
 */
final class ExpectedRatio {

    private ExpectedRatio() {
    }

    static Comparison judge(Comparison paired, double maxRatio, double confidence, String candidate, String reference,
                            int rounds) {
        double low = paired.ratioCiLow();
        double high = paired.ratioCiHigh();
        Level level = low > maxRatio ? Level.CRITICAL : high > maxRatio ? Level.INCONCLUSIVE : Level.STABLE;
        String where = level == Level.CRITICAL ? "lies wholly above" : level == Level.INCONCLUSIVE ? "straddles"
                : "lies within";
        String message = String.format(Locale.ROOT, "paired time ratio [%s] / [%s] %.3f, %.0f%% CI [%.3f, %.3f] %s "
                        + "maxRatio [%s] (over [%d] rounds; the interval covers sampling noise within this run only, "
                        + "not run-to-run or JIT spread: leave a margin for it)",
                candidate, reference, paired.ratio(), confidence * 100, low, high, where, maxRatio, rounds);
        return new Comparison(paired.metric(), paired.statistic(), level, paired.baselineValue(), paired.currentValue(),
                paired.ratio(), low, high, paired.pValue(), paired.effectSize(), message);
    }
}
