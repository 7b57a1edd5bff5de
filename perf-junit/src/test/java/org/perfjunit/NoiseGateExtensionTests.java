package org.perfjunit;

import org.perfjunit.model.Statistic;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/** The noise gate end to end, on a fake clock whose invocations take 1, 2, 3, 4 ms in turn (CV 45%). */
@DisplayName("Noise gate")
class NoiseGateExtensionTests {

    @ExtendWith(ScriptedClock.Noisy.class)
    static class UndecidedTestCase {
        @Test
        @Performance(iterations = 20, batchSize = 1)
        @MaxDuration(value = 4.1, statistic = Statistic.MAX)
        void undecided(ScriptedClock clock) {
            clock.invoke();
        }
    }

    @ExtendWith(ScriptedClock.Noisy.class)
    static class TailTestCase {
        @Test
        @Performance(iterations = 20, batchSize = 1)
        @MaxDuration(value = 4.1, statistic = Statistic.P99)
        void tail(ScriptedClock clock) {
            clock.invoke();
        }
    }

    @ExtendWith(ScriptedClock.Noisy.class)
    static class DecidedTestCase {
        @Test
        @Performance(iterations = 20, batchSize = 1)
        @MaxDuration(value = 1, unit = TimeUnit.SECONDS)
        void clearlyHolds(ScriptedClock clock) {
            clock.invoke();
        }

        @Test
        @Performance(iterations = 20, batchSize = 1)
        @MaxDuration(value = 500, unit = TimeUnit.MICROSECONDS)
        void clearlyBreaks(ScriptedClock clock) {
            clock.invoke();
        }

        @Test
        @Performance(iterations = 20, batchSize = 1)
        void noLimits(ScriptedClock clock) {
            clock.invoke();
        }
    }

    private static Event only(java.util.List<Event> events) {
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    @Test
    @DisplayName("by default a limit inside the noise is re-measured with twice the samples, then aborted with the figures")
    void retryThenAbort() {
        EngineExecutionResults results = run(UndecidedTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(1).aborted(1));
        String reason = message(only(results.testEvents().aborted().list()));
        assertThat(reason).startsWith("too noisy to judge: CV 45% (limit 25%), median CI ±")
                .contains("over [40] samples; cannot decide max duration [4 ms] against @MaxDuration [4.1 ms] (95% CI [4 ms, +inf])")
                .endsWith("(after re-measuring with twice the samples)");
        assertThat(entries(results, "perf.outcome")).singleElement().asString().startsWith("inconclusive: too noisy");
        assertThat(entries(results, "perf.noise")).singleElement().asString().startsWith("too noisy to judge: CV 45%");
    }

    @Test
    @DisplayName("a tail-percentile limit is re-measured with enough samples to bound its interval (368 for p99), then decided")
    void retryBoundsTailPercentiles() {
        EngineExecutionResults results = run(TailTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(entries(results, "perf.run")).singleElement().asString().startsWith("samples=368,");
    }

    @Test
    @DisplayName("noise.action=abort aborts at once, without re-measuring")
    void abort() {
        EngineExecutionResults results = run(UndecidedTestCase.class, "perf.junit.noise.action", "abort");
        assertThat(message(only(results.testEvents().aborted().list()))).contains("over [20] samples;")
                .doesNotContain("re-measuring");
    }

    @Test
    @DisplayName("noise.action=fail fails with the figures")
    void fail() {
        EngineExecutionResults results = run(UndecidedTestCase.class, "perf.junit.noise.action", "fail");
        assertThat(message(only(results.testEvents().failed().list()))).startsWith("too noisy to judge: CV 46% (limit 25%)");
    }

    @Test
    @DisplayName("noise.action=ignore judges the point estimate")
    void ignore() {
        EngineExecutionResults results = run(UndecidedTestCase.class, "perf.junit.noise.action", "ignore");
        results.testEvents().assertStatistics(s -> s.succeeded(1));
    }

    @Test
    @DisplayName("a stricter threshold key turns a stable-enough result into an inconclusive one, a looser one accepts it")
    void thresholdKeys() {
        EngineExecutionResults loose = run(UndecidedTestCase.class, "perf.junit.noise.max.cv", "0.5",
                "perf.junit.noise.max.ci", "0.5");
        loose.testEvents().assertStatistics(s -> s.succeeded(1));
        EngineExecutionResults invalid = run(UndecidedTestCase.class, "perf.junit.noise.max.ci", "-1");
        assertThat(message(only(invalid.testEvents().failed().list()))).isEqualTo(
                "Configuration error: [perf.junit.noise.max.ci=-1] is invalid; use a positive number, e.g. 0.05.");
    }

    @Test
    @DisplayName("limits the whole interval clears or breaks are decided even on noisy samples; no limits, nothing to misjudge")
    void decided() {
        EngineExecutionResults results = run(DecidedTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        assertThat(message(only(results.testEvents().failed().list())))
                .isEqualTo("median duration [2.5 ms] exceeded @MaxDuration [500 µs] over [20] samples");
    }
}
