package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.run;

@DisplayName("@MaxEnergy through the PerformanceExtension")
class EnergyExtensionTests {

    static class EnergyTestCase {
        @Test
        @Performance
        @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
        void withinBudget(PerfContext perf) {
            perf.measure(() -> 1);
            perf.energy(0.002);
        }

        @Test
        @Performance
        @MaxEnergy(value = 1, unit = EnergyUnit.MILLIJOULES)
        void overBudget(PerfContext perf) {
            perf.measure(() -> 1);
            perf.energy(0.002);
        }
    }

    @Test
    @DisplayName("energy reported by the code is checked against the limit")
    void reportedEnergy() {
        EngineExecutionResults results = run(EnergyTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(PerfTestKit.message(results.testEvents().failed().list().get(0)))
                .isEqualTo("energy per invocation [2 mJ] exceeded @MaxEnergy [1 mJ] over [5] samples (2× the limit)");
        assertThat(entries(results, "perf.energy")).containsExactlyInAnyOrder("2 mJ", "2 mJ");
    }
}
