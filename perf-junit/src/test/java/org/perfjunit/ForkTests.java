package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.perfjunit.fork.ForkedTestException;
import org.perfjunit.model.Direction;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;
import org.perfjunit.report.ResultFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/** Forked isolation: each test here starts a real child JVM (about a second each). */
@DisplayName("Forked isolation")
class ForkTests {

    static class PidTestCase {
        @Test
        @Performance(forks = 1)
        void reportsItsPid(PerfContext perf) {
            perf.measure(PerformanceExtensionTests::work);
            perf.metric("pid", ProcessHandle.current().pid(), Direction.HIGHER_IS_BETTER);
        }

        @Test
        @Performance(forks = 1)
        @MaxDuration(value = 1, unit = TimeUnit.NANOSECONDS)
        void tooSlow() {
            PerformanceExtensionTests.work();
        }

        @Test
        @Performance(forks = 2)
        void pooled(PerfContext perf) {
            perf.measure(PerformanceExtensionTests::work);
        }

        @Test
        @Performance(forks = 1)
        void breaks() {
            throw new IllegalStateException("broken in the child");
        }
    }

    static class ParameterizedTestCase {
        @ParameterizedTest
        @ValueSource(ints = {3, 7})
        @Performance
        void perInvocation(int n, PerfContext perf) {
            perf.measure(PerformanceExtensionTests::work);
            perf.metric("n", n, Direction.HIGHER_IS_BETTER);
            perf.metric("pid", ProcessHandle.current().pid(), Direction.HIGHER_IS_BETTER);
        }
    }

    static class InProcessTestCase {
        @Test
        @Performance(forks = 0)
        void stays(PerfContext perf) {
            perf.measure(PerformanceExtensionTests::work);
            perf.metric("pid", ProcessHandle.current().pid(), Direction.HIGHER_IS_BETTER);
        }
    }

    private static List<TestResult> results(EngineExecutionResults results) {
        return entries(results, ResultFiles.REPORT_ENTRY_KEY).stream().map(f -> ResultFiles.read(Path.of(f))).toList();
    }

    private static Event failedTest(EngineExecutionResults results, String method) {
        return results.testEvents().failed().list().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("a forked test runs in another JVM, its samples come back, and this JVM judges the limits")
    void forked() {
        EngineExecutionResults results = run(PidTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
        TestResult pid = results(results).stream().filter(r -> r.methodName().equals("reportsItsPid")).findFirst()
                .orElseThrow();
        assertThat((long) pid.metric("pid").value()).isNotEqualTo(ProcessHandle.current().pid());
        assertThat(pid.run().forked()).isTrue();
        assertThat(pid.run().samples()).isEqualTo(5);
        assertThat(pid.metric(MetricNames.TIME).samples()).hasSize(5);
        assertThat(entries(results, "perf.run")).anySatisfy(v -> assertThat(v).endsWith(", forked"));
        TestResult pooled = results(results).stream().filter(r -> r.methodName().equals("pooled")).findFirst()
                .orElseThrow();
        assertThat(pooled.run().samples()).as("two forks of five samples").isEqualTo(10);
        assertThat(pooled.metric(MetricNames.TIME).samples()).hasSize(10);
        assertThat(pooled.metric(MetricNames.TIME).summary().n()).isEqualTo(10);

        assertThat(message(failedTest(results, "tooSlow")))
                .matches("median duration \\[.+\\] exceeded @MaxDuration \\[1 ns\\] over \\[5\\] samples \\([0-9.]+× the limit\\)");

        Throwable thrown = failedTest(results, "breaks").getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow();
        assertThat(thrown).isInstanceOf(ForkedTestException.class).hasMessage("broken in the child");
        assertThat(thrown.getCause().getMessage())
                .startsWith("java.lang.IllegalStateException in forked JVM (pid ")
                .contains("at org.perfjunit.ForkTests$PidTestCase.breaks(ForkTests.java:");
    }

    @Test
    @DisplayName("perf.junit.fork=true forks every test, each parameterized invocation on its own")
    void keyAndParameterized() {
        EngineExecutionResults results = run(ParameterizedTestCase.class, "perf.junit.fork", "true");
        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2));
        List<TestResult> forked = results(results);
        assertThat(forked).extracting(r -> r.metric("n").value()).containsExactlyInAnyOrder(3.0, 7.0);
        assertThat(forked).allSatisfy(r -> {
            assertThat(r.run().forked()).isTrue();
            assertThat((long) r.metric("pid").value()).isNotEqualTo(ProcessHandle.current().pid());
        });
    }

    @Test
    @DisplayName("forks = 0 beats the key and stays in this JVM")
    void annotationBeatsKey() {
        EngineExecutionResults results = run(InProcessTestCase.class, "perf.junit.fork", "true");
        TestResult r = results(results).get(0);
        assertThat(r.run().forked()).isFalse();
        assertThat((long) r.metric("pid").value()).isEqualTo(ProcessHandle.current().pid());
    }

    @Test
    @DisplayName("a child that runs past the timeout is killed and the test fails saying so")
    void timeout() {
        EngineExecutionResults results = run(InProcessTestCase.class, "perf.junit.fork", "true",
                "perf.junit.fork.timeout", "1ms");
        // forks = 0 wins, so use the parameterized fixture without an annotation value
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        EngineExecutionResults killed = run(ParameterizedTestCase.class, "perf.junit.fork", "true",
                "perf.junit.fork.timeout", "1ms");
        assertThat(killed.testEvents().failed().list()).hasSize(2).allSatisfy(e -> assertThat(message(e))
                .matches("Forked JVM \\(pid \\d+\\) for \\[.+\\] did not finish within \\[PT0\\.001S\\]; it was killed\\. "
                        + "Raise perf.junit.fork.timeout or shorten the measurement\\."));
    }
}
