package org.perfjunit.baseline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("An expected ratio")
class ExpectedRatioTests {

    @ParameterizedTest(name = "interval [1.6, 1.8] against maxRatio {0}: {1}")
    @CsvSource({"1.5, CRITICAL, lies wholly above", "1.7, INCONCLUSIVE, straddles", "1.8, STABLE, lies within",
        "1.9, STABLE, lies within"})
    @DisplayName("fails only when the interval lies wholly above the bound")
    void judgesTheInterval(double maxRatio, Level expected, String words) {
        Comparison paired = new Comparison("time", "paired median", Level.CRITICAL, 100.0, 170.0, 1.7, 1.6, 1.8,
                0.001, 0.9, "threshold verdict");
        Comparison judged = ExpectedRatio.judge(paired, maxRatio, 0.95, "tracked()", "plain()", 20);
        assertThat(judged.level()).isEqualTo(expected);
        assertThat(judged.message()).isEqualTo("paired time ratio [tracked()] / [plain()] 1.700, 95% CI [1.600, 1.800] "
                + words + " maxRatio [" + maxRatio + "] (over [20] rounds; the interval covers sampling noise within "
                + "this run only, not run-to-run or JIT spread: leave a margin for it)");
    }
}
