package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/** Target-rate load through the extension (real clock; only shapes are asserted, never timings). */
@DisplayName("Target-rate load")
class LoadExtensionTests {

    static class RateTestCase {
        @Test
        @Performance(rate = "2000/s", threads = 2, iterations = 40)
        void paced() {
            PerformanceExtensionTests.work();
        }
    }

    static class KeyTestCase {
        @Test
        @Performance(iterations = 20)
        void byKey() {
            PerformanceExtensionTests.work();
        }
    }

    static class InvalidTestCase {
        @Test
        @Performance(rate = "fast")
        void unreadable() {
        }
    }

    @Test
    @DisplayName("rate = 2000/s with two threads reports corrected latency percentiles, service time and achieved vs target rate")
    void annotation() {
        EngineExecutionResults results = run(RateTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(results, "perf.time")).singleElement().asString().matches("median .+, p95 .+, n=40");
        assertThat(entries(results, "perf.service_time")).singleElement().asString().endsWith("n=40");
        assertThat(entries(results, "perf.target_rate")).containsExactly("2000 ops/s");
        assertThat(entries(results, "perf.throughput")).singleElement().asString().endsWith("ops/s");
        assertThat(entries(results, "perf.load")).singleElement().asString().matches(
                "latency p50 .+, p90 .+, p99 .+, max .+ \\(from intended start\\); service p99 .+; .+ops/s achieved of 2000 ops/s target \\([0-9.]+%\\)");
        assertThat(entries(results, "perf.run")).singleElement().asString()
                .startsWith("samples=40, batch=1, warmup=2").endsWith("stop=schedule");
    }

    @Test
    @DisplayName("the key perf.junit.load.rate paces a test whose annotation sets no rate")
    void key() {
        EngineExecutionResults results = run(KeyTestCase.class, "perf.junit.load.rate", "30000/min");
        assertThat(entries(results, "perf.target_rate")).containsExactly("500 ops/s");
    }

    @Test
    @DisplayName("an unreadable rate is a configuration error naming attribute, value and fix")
    void invalid() {
        EngineExecutionResults results = run(InvalidTestCase.class);
        assertThat(message(results.testEvents().failed().list().get(0))).isEqualTo(
                "Configuration error: @Performance on [unreadable()] has rate [\"fast\"]; it must be a rate such as 500/s, 2/ms or 30000/min.");
        EngineExecutionResults key = run(KeyTestCase.class, "perf.junit.load.rate", "0/s");
        assertThat(message(key.testEvents().failed().list().get(0))).isEqualTo(
                "Configuration error: [perf.junit.load.rate=0/s] is invalid; write a rate such as 500/s, 2/ms or 30000/min.");
    }
}
