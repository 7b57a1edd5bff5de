package org.perfjunit.baseline;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Holm's step-down correction across every comparison of a run, for a caller that sees the whole
 * run at once (the CLI, an end-of-run report). A WARNING or CRITICAL whose Holm-adjusted
 * Mann-Whitney p-value is not below {@code alpha} is downgraded to INCONCLUSIVE with the reason, so
 * comparing 200 tests does not produce ten regressions by chance. Holm controls the family-wise
 * error rate like Bonferroni but rejects more when several changes are real.
 */
public final class HolmCorrection {

    private HolmCorrection() {
    }

    /** {@code comparisons} with regressions that do not survive the correction downgraded, order kept. */
    public static List<Comparison> apply(List<Comparison> comparisons, double alpha) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            if (comparisons.get(i).pValue() != null) {
                tested.add(i);
            }
        }
        tested.sort(Comparator.comparingDouble(i -> comparisons.get(i).pValue()));
        int m = tested.size();
        double[] adjusted = new double[comparisons.size()];
        double running = 0;
        for (int rank = 0; rank < m; rank++) {
            int index = tested.get(rank);
            running = Math.max(running, Math.min(1, (m - rank) * comparisons.get(index).pValue()));
            adjusted[index] = running;
        }
        List<Comparison> out = new ArrayList<>(comparisons);
        for (int index : tested) {
            Comparison c = comparisons.get(index);
            boolean regression = c.level() == Level.CRITICAL || c.level() == Level.WARNING;
            if (regression && adjusted[index] >= alpha) {
                out.set(index, new Comparison(c.metric(), c.statistic(), Level.INCONCLUSIVE, c.baselineValue(),
                        c.currentValue(), c.ratio(), c.ratioCiLow(), c.ratioCiHigh(), c.pValue(), c.effectSize(),
                        c.message() + String.format(Locale.ROOT, "; not significant after Holm "
                        + "correction across %d comparisons (adjusted p=%.3f)", m, adjusted[index])));
            }
        }
        return out;
    }
}
