package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunInfo;
import org.perfjunit.model.TestResult;
import org.perfjunit.stats.SummaryCalculator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The expected-ratio A/B assertion on injected samples: it fails only when the interval lies wholly outside. */
@DisplayName("hasMedianTimeRatioTo")
class TimeRatioAssertTests {

    /** 40 samples around {@code center} ns, spread ±5% in a fixed pattern. */
    private static PerfResult result(String id, double center) {
        double[] samples = new double[40];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = center * (0.95 + 0.1 * ((i * 7) % 40) / 39.0);
        }
        Metric time = Metric.sampled(MetricNames.TIME, "ns", Direction.LOWER_IS_BETTER,
                SummaryCalculator.summarize(samples), samples);
        return new PerfResult(new TestResult(id, "C", id, id, List.of(), Instant.EPOCH, Map.of(MetricNames.TIME, time),
                new RunInfo(0, 0, true, 40, 1, 1, 0, "samples", false, false), List.of(), List.of(), Outcome.PASSED, null));
    }

    private final PerfResult plain = result("plain", 1_000);
    private final PerfResult tracked = result("tracked", 1_750);

    @Test
    @DisplayName("passes a bound above the interval and one inside it, which the data cannot refute")
    void passes() {
        PerfAssertions.assertThat(tracked).hasMedianTimeRatioTo(plain).isAtMost(1.9).isAtLeast(1.6);
        var ratio = PerfAssertions.assertThat(tracked).hasMedianTimeRatioTo(plain);
        assertThat(ratio.interval().ratioLow()).isLessThan(1.75).isGreaterThan(1.6);
        ratio.isAtMost(ratio.interval().ratio()).isAtLeast(ratio.interval().ratio());
    }

    @Test
    @DisplayName("fails a bound the whole interval lies above, with the ratio, its interval and what it covers")
    void failsOutside() {
        assertThatThrownBy(() -> PerfAssertions.assertThat(tracked).hasMedianTimeRatioTo(plain).isAtMost(1.5))
                .isInstanceOf(AssertionError.class)
                .hasMessageMatching("Expected median time ratio \\[tracked\\] / \\[plain\\] to be at most \\[1.5\\] but "
                        + "it was \\[1\\.7\\d\\d\\], 95% CI \\[1\\.\\d{3}, 1\\.\\d{3}\\] wholly above it \\(over \\[40\\] "
                        + "and \\[40\\] samples\\); the interval covers sampling noise within this run only, not "
                        + "run-to-run or JIT spread \\(measure in forks for that\\)");
        assertThatThrownBy(() -> PerfAssertions.assertThat(plain).hasMedianTimeRatioTo(tracked).isAtLeast(0.8))
                .isInstanceOf(AssertionError.class).hasMessageContaining("to be at least [0.8]")
                .hasMessageContaining("wholly below it");
    }

    @Test
    @DisplayName("refuses a bound that is not a positive number and a result without samples")
    void refusesNonsense() {
        assertThatThrownBy(() -> PerfAssertions.assertThat(tracked).hasMedianTimeRatioTo(plain).isAtMost(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a time ratio bound must be a positive number, was -1.0");
    }
}
