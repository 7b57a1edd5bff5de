package org.perfjunit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.perfjunit.engine.MeasurementTimeoutException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/**
 * The measurement timeout stops hung invocations. Every hang here is infinite, so only the outcome is
 * asserted, never how long anything took; the 200 ms timeout just keeps the suite fast.
 */
@DisplayName("Measurement timeout")
class MeasurementTimeoutTests {

    static final AtomicBoolean RELEASE_SPIN = new AtomicBoolean();
    static final AtomicInteger CALLS = new AtomicInteger();
    static final AtomicBoolean AFTER_MEASURE = new AtomicBoolean();
    static final AtomicReference<String> MEASURING_THREAD = new AtomicReference<>();
    static final IOException CHECKED = new IOException("checked, thrown on the measuring thread");
    static final AssertionError ASSERTION = new AssertionError("an assertion inside the measured body");

    static void spinIgnoringInterrupts() {
        while (!RELEASE_SPIN.get()) {
            Thread.onSpinWait();
        }
    }

    @Performance(maxWarmupTime = "50ms", maxTime = "50ms", timeout = "200ms")
    static class HangingTestCase {
        @Test
        void sleepsForever() throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }

        @Test
        void awaitsALatchNobodyCounts() throws InterruptedException {
            new CountDownLatch(1).await();
        }

        @Test
        void hangsInsidePerfMeasure(PerfContext perf) {
            perf.measure(() -> {
                Thread.sleep(Long.MAX_VALUE);
                return null;
            });
            AFTER_MEASURE.set(true);
        }
    }

    @Test
    @DisplayName("a body that sleeps, awaits a latch or hangs in perf.measure fails at the timeout, measures nothing and is reported as failed")
    void hangsAreStopped(@TempDir Path reports) throws IOException {
        AFTER_MEASURE.set(false);
        EngineExecutionResults results = run(HangingTestCase.class, "perf.junit.report.dir", reports.toString());
        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        for (Event failed : results.testEvents().failed().list()) {
            String method = failed.getTestDescriptor().getDisplayName().replaceAll("\\(.*", "");
            assertThat(message(failed)).matches("measurement of \\[org\\.perfjunit\\.MeasurementTimeoutTests\\$HangingTestCase#"
                    + method + "\\(.*\\)\\] exceeded its timeout \\[200 ms\\] \\(@Performance\\(timeout = \"200ms\"\\)\\): "
                    + "still running in calibration or warm-up after [0-9.]+ (ms|s), so it was stopped; "
                    + "the measuring thread was interrupted and ended\\. The cause shows where it was at the deadline\\. "
                    + "Nothing was recorded\\. If the test needs longer, raise @Performance\\(timeout\\) or "
                    + "perf\\.junit\\.measurement\\.timeout \\(\"none\" turns the timeout off\\)\\.");
            Throwable thrown = throwable(failed);
            assertThat(thrown).isInstanceOf(MeasurementTimeoutException.class);
            assertThat(thrown.getCause()).hasMessageStartingWith("stack trace of thread [perf-junit-measure-");
            assertThat(thrown.getCause().getStackTrace()).extracting(StackTraceElement::getMethodName)
                    .contains(method.equals("hangsInsidePerfMeasure") ? "lambda$hangsInsidePerfMeasure$0" : method);
        }
        assertThat(AFTER_MEASURE).as("the test body does not go on after a timed-out perf.measure").isFalse();
        assertThat(entries(results, "perf.time")).isEmpty();
        // it still appears in the reports: failed, with the timeout's message and no figures
        assertThat(entries(results, "perf.outcome")).hasSize(3)
                .allSatisfy(o -> assertThat(o).startsWith("failed: measurement of [org.perfjunit.MeasurementTimeoutTests"));
        try (Stream<Path> files = Files.walk(reports)) {
            // a failed test is reported (issue: one measurement, one verdict), but with no figures
            assertThat(files.filter(f -> f.toString().endsWith(".json")).toList()).as("a timed-out test is reported without figures")
                    .isNotEmpty().allSatisfy(f -> assertThat(Files.readString(f)).contains("\"FAILED\"")
                            .doesNotContain("\"time\" : {"));
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SpinThenMeasureTestCase {
        @Test
        @Order(1)
        @Performance(maxWarmupTime = "50ms", maxTime = "50ms", timeout = "200ms")
        void spinsIgnoringInterrupts() {
            spinIgnoringInterrupts();
        }

        @Test
        @Order(2)
        @Performance
        void measuresAfterwards() {
            PerformanceExtensionTests.work();
        }
    }

    @Test
    @DisplayName("a spin that ignores the interrupt is abandoned, and the next performance test still gets the lock")
    void spinIsAbandoned() {
        RELEASE_SPIN.set(false);
        try {
            EngineExecutionResults results = run(SpinThenMeasureTestCase.class);
            results.testEvents().assertStatistics(s -> s.started(2).failed(1).succeeded(1));
            assertThat(message(results.testEvents().failed().list().get(0))).contains(
                    "so it was stopped; the measuring thread [perf-junit-measure-org.perfjunit.MeasurementTimeoutTests"
                            + "$SpinThenMeasureTestCase#spinsIgnoringInterrupts()] ignored the interrupt for 200 ms and was "
                            + "abandoned; it keeps running as a daemon thread and may keep a CPU busy until the JVM exits.");
            assertThat(entries(results, "perf.time")).as("only the second test is measured").hasSize(1);
        } finally {
            RELEASE_SPIN.set(true);
        }
    }

    @Performance(maxWarmupTime = "50ms", maxTime = "50ms", timeout = "200ms")
    static class LoadTestCase {
        @Test
        @Performance(threads = 2)
        void hangsOnALoadThread() throws InterruptedException {
            if (Thread.currentThread().getName().startsWith("perf-junit-load-")) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }

        @Test
        @Performance(rate = "1000/s")
        void hangsOnceThePacedLoadStarts() throws InterruptedException {
            if (CALLS.incrementAndGet() > 2) {
                Thread.sleep(Long.MAX_VALUE);
            }
        }
    }

    @Test
    @DisplayName("concurrent and paced load honour the timeout while sampling")
    void loadHonoursTheTimeout() {
        CALLS.set(0);
        EngineExecutionResults results = run(LoadTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(results.testEvents().failed().list()).extracting(PerfTestKit::message).allSatisfy(m ->
                assertThat(m).contains("still running while sampling after", "the measuring thread was interrupted and ended"));
        Throwable threads = results.testEvents().failed().list().stream().map(MeasurementTimeoutTests::throwable)
                .filter(t -> t.getMessage().contains("hangsOnALoadThread")).findFirst().orElseThrow();
        assertThat(threads.getSuppressed()).as("the load threads' stacks are attached")
                .anySatisfy(s -> assertThat(s).hasMessageStartingWith("stack trace of thread [perf-junit-load-"));
    }

    static class ThrowingTestCase {
        @Test
        @Performance
        void throwsChecked() throws IOException {
            throw CHECKED;
        }

        @Test
        @Performance
        void failsAnAssertion(PerfContext perf) {
            perf.measure(() -> {
                throw ASSERTION;
            });
        }
    }

    @Test
    @DisplayName("exceptions and errors thrown on the measuring thread reach the test unchanged")
    void exceptionsPropagateUnchanged() {
        EngineExecutionResults results = run(ThrowingTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        assertThat(results.testEvents().failed().list()).extracting(MeasurementTimeoutTests::throwable)
                .containsExactlyInAnyOrder(CHECKED, ASSERTION);
    }

    static class ThreadTestCase {
        static final ThreadLocal<String> SET_UP = new ThreadLocal<>();

        @BeforeEach
        void setUp() {
            SET_UP.set("set in @BeforeEach");
        }

        @Test
        @Performance
        void separate() {
            MEASURING_THREAD.set(Thread.currentThread().getName() + " sees " + SET_UP.get());
        }

        @Test
        @Performance(threadMode = "same")
        void same() {
            MEASURING_THREAD.set(Thread.currentThread().getName() + " sees " + SET_UP.get());
        }

        @Test
        @Performance(timeout = "none")
        void noTimeout() {
            MEASURING_THREAD.set(Thread.currentThread().getName() + " sees " + SET_UP.get());
        }
    }

    @Test
    @DisplayName("a normal test measures on its own thread, where @BeforeEach ThreadLocals are not visible, and passes")
    void separateThread() {
        EngineExecutionResults results = runOne("separate");
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(MEASURING_THREAD.get()).isEqualTo(
                "perf-junit-measure-org.perfjunit.MeasurementTimeoutTests$ThreadTestCase#separate() sees null");
        assertThat(entries(results, "perf.time")).hasSize(1);
        assertThat(entries(results, "perf.cpu_time")).as("CPU time read on the thread running the operation").hasSize(1);
    }

    @Test
    @DisplayName("threadMode same, or no timeout, measures on the test thread")
    void sameThread() {
        for (String method : List.of("same", "noTimeout")) {
            EngineExecutionResults results = runOne(method);
            results.testEvents().assertStatistics(s -> s.succeeded(1));
            assertThat(MEASURING_THREAD.get()).doesNotStartWith("perf-junit-").endsWith(" sees set in @BeforeEach");
        }
        runOne("separate", "perf.junit.measurement.timeout.thread.mode", "same").testEvents()
                .assertStatistics(s -> s.succeeded(1));
        assertThat(MEASURING_THREAD.get()).as("the key applies").endsWith(" sees set in @BeforeEach");
        MEASURING_THREAD.set(null);
        runOne("separate", "perf.junit.measurement.thread", "same").testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(MEASURING_THREAD.get()).as("the deprecated spelling still applies").endsWith(" sees set in @BeforeEach");
    }

    static class SameThreadHangTestCase {
        @Test
        @Performance(maxWarmupTime = "50ms", maxTime = "50ms", timeout = "200ms", threadMode = "same")
        void sleepsForever() throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    @DisplayName("on the test thread, the timeout interrupts it and fails the test")
    void sameThreadHang() {
        EngineExecutionResults results = run(SameThreadHangTestCase.class);
        Event failed = results.testEvents().failed().list().get(0);
        assertThat(message(failed)).contains("exceeded its timeout [200 ms]", "the test thread was interrupted at the "
                + "deadline (perf.junit.measurement.timeout.thread.mode=same cannot stop code that ignores interrupts)");
        assertThat(throwable(failed).getSuppressed()).singleElement().isInstanceOf(InterruptedException.class);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    static class InvalidTestCase {
        @Test
        @Performance(timeout = "soon")
        void badTimeout() {
        }

        @Test
        @Performance(threadMode = "other")
        void badThreadMode() {
        }
    }

    @Test
    @DisplayName("invalid timeouts and thread modes are configuration errors naming the value and the fix")
    void invalidValues() {
        assertThat(run(InvalidTestCase.class).testEvents().failed().list()).extracting(PerfTestKit::message)
                .containsExactlyInAnyOrder(
                        "Configuration error: @Performance on [badTimeout()] has timeout [\"soon\"]; it must be a duration "
                                + "such as 30s or 2m, \"none\" to turn the timeout off, or \"\" for 2 x maxWarmupTime + maxTime + grace.",
                        "Configuration error: @Performance on [badThreadMode()] has threadMode [\"other\"]; it must be "
                                + "\"separate\" or \"same\".");
        assertThat(message(runOne("separate", "perf.junit.measurement.timeout", "1 hour")
                .testEvents().failed().list().get(0))).isEqualTo("Configuration error: [perf.junit.measurement.timeout=1 hour] "
                + "is invalid; use a duration such as 30s or 2m, \"none\" to turn the timeout off, or \"\" for 2 x "
                + "maxWarmupTime + maxTime + grace.");
        assertThat(message(runOne("separate", "perf.junit.measurement.timeout.thread.mode", "4")
                .testEvents().failed().list().get(0))).isEqualTo("Configuration error: [perf.junit.measurement.timeout.thread.mode=4] "
                + "is invalid; use separate or same (the number of threads is perf.junit.measurement.threads).");
    }

    static class KeyedHangTestCase {
        @Test
        @Performance(maxWarmupTime = "50ms", maxTime = "50ms")
        void sleepsForever() throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    @Test
    @DisplayName("the timeout key applies when no annotation sets one, and is named in the message")
    void timeoutKey() {
        EngineExecutionResults results = run(KeyedHangTestCase.class, "perf.junit.measurement.timeout", "250ms");
        assertThat(message(results.testEvents().failed().list().get(0)))
                .contains("exceeded its timeout [250 ms] (perf.junit.measurement.timeout=250ms): still running");
    }

    /** Runs one method of {@link ThreadTestCase}, with {@code params} as key/value pairs. */
    private static EngineExecutionResults runOne(String method, String... params) {
        var request = org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("perf.junit.warmup.iterations", "2")
                .configurationParameter("perf.junit.measurement.iterations", "5")
                .configurationParameter("perf.junit.report.dir", "target/perf-junit-tests");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.configurationParameter(params[i], params[i + 1]);
        }
        return request.selectors(org.junit.platform.engine.discovery.DiscoverySelectors
                .selectMethod(ThreadTestCase.class, method)).execute();
    }

    static Throwable throwable(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }
}
