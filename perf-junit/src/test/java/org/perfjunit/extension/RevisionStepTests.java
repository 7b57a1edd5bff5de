package org.perfjunit.extension;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Revision A/B's stopping rule")
class RevisionStepTests {

    private static GateResult verdict(Level level, double ratio, double low, double high) {
        Comparison c = new Comparison("time", "paired median", level, 100.0, 100.0 * ratio, ratio, low, high, 0.001,
                0.5, "message");
        return new GateResult(null, List.of(c), level == Level.CRITICAL, null, false, null);
    }

    @Test
    @DisplayName("stops on a stable or a critical verdict, samples on while the interval straddles")
    void stopsWhenDecided() {
        assertThat(RevisionStep.settled(verdict(Level.STABLE, 1.0, 0.99, 1.01))).isTrue();
        assertThat(RevisionStep.settled(verdict(Level.CRITICAL, 1.05, 1.04, 1.06))).isTrue();
        assertThat(RevisionStep.settled(verdict(Level.INCONCLUSIVE, 1.03, 1.02, 1.04))).isFalse();
    }

    @Test
    @DisplayName("samples on after a speed-up beyond 3%, the signature of a base not yet compiled")
    void samplesOnAfterALargeSpeedUp() {
        assertThat(RevisionStep.settled(verdict(Level.IMPROVEMENT, 0.75, 0.72, 0.78))).isFalse();
        assertThat(RevisionStep.settled(verdict(Level.IMPROVEMENT, 0.98, 0.975, 0.985))).isTrue();
    }
}
