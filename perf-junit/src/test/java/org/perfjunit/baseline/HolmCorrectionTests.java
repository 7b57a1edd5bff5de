package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HolmCorrectionTests {

    private static Comparison regression(double p) {
        return new Comparison("time", "median", Level.WARNING, 1.0, 1.1, 1.1, 1.05, 1.15, p, 0.5, "m");
    }

    @Test
    void regressionsThatAreOnlySignificantAloneBecomeInconclusiveAcrossManyComparisons() {
        List<Comparison> corrected = HolmCorrection.apply(List.of(regression(0.0001), regression(0.02),
                regression(0.03), regression(0.5)), 0.05);
        assertThat(corrected).extracting(Comparison::level)
                .containsExactly(Level.WARNING, Level.INCONCLUSIVE, Level.INCONCLUSIVE, Level.INCONCLUSIVE);
        assertThat(corrected.get(1).message()).endsWith("not significant after Holm correction across 4 comparisons "
                + "(adjusted p=0.060)");
    }

    @Test
    void aSingleComparisonIsUnchanged() {
        assertThat(HolmCorrection.apply(List.of(regression(0.01)), 0.05)).containsExactly(regression(0.01));
    }
}
