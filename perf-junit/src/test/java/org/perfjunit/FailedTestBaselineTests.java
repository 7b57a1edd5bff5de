package org.perfjunit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.run;

/**
 * A test that failed (its own limit, a plain assertion, an error) never writes or updates a baseline, in
 * any mode; it still appears in the results with its outcome and message. A fake clock whose per-invocation
 * time a static script sets makes every outcome certain.
 */
@DisplayName("A failed performance test")
class FailedTestBaselineTests {

    /** Per-invocation nanoseconds of the next fixture run's clock. */
    static volatile long[] script = {1_000_000};
    /** Whether the fixture's plain assertion fails, or its body throws. */
    static volatile String failWith = "";

    /** A fake clock taking {@link #script}, read when the fixture class starts. */
    static final class SteeredClock extends ScriptedClock.Extension {
        SteeredClock() {
            super(script);
        }
    }

    @ExtendWith(SteeredClock.class)
    static class LimitTestCase {
        @Test
        @Performance(iterations = 15, batchSize = 1)
        @MaxDuration(value = 2, unit = TimeUnit.MILLISECONDS)
        @Baseline
        void limited(PerfContext perf, ScriptedClock clock) {
            perf.measure(clock::invoke);
            if (failWith.equals("assertion")) {
                assertThat(1 + 1).as("the test's own check").isEqualTo(3);
            } else if (failWith.equals("error")) {
                throw new IllegalStateException("the fixture broke");
            }
        }

        @AfterEach
        void tearDown() {
            if (failWith.equals("afterEach")) {
                // runs after the measurement passed and was judged, before the extension's AfterEachCallback
                throw new IllegalStateException("the teardown broke");
            }
        }
    }

    private static EngineExecutionResults runWith(Path dir, String mode, long nanos, String failure) {
        script = new long[] {nanos};
        failWith = failure;
        return run(LimitTestCase.class, "perf.junit.baseline.dir", dir.toString(), "perf.junit.baseline.mode", mode,
                "perf.junit.report.dir", dir.resolve("reports").toString());
    }

    private static List<Path> baselineFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json") && !p.startsWith(dir.resolve("reports"))).toList();
        }
    }

    @ParameterizedTest(name = "mode {0}")
    @ValueSource(strings = {"compare", "update", "update_if_improved"})
    @DisplayName("that breaks its own limit records no baseline")
    void limitFailureRecordsNothing(String mode, @TempDir Path dir) throws IOException {
        runWith(dir, mode, 3_000_000, "").testEvents().assertStatistics(s -> s.failed(1));
        assertThat(baselineFiles(dir)).isEmpty();
    }

    @ParameterizedTest(name = "{0} in mode {1}")
    @org.junit.jupiter.params.provider.CsvSource({"assertion, compare", "assertion, update", "error, compare",
        "error, update", "afterEach, compare", "afterEach, update", "afterEach, update_if_improved"})
    @DisplayName("that fails a plain assertion, throws, or whose @AfterEach throws records no baseline")
    void thrownRecordsNothing(String failure, String mode, @TempDir Path dir) throws IOException {
        runWith(dir, mode, 1_000_000, failure).testEvents().assertStatistics(s -> s.failed(1));
        assertThat(baselineFiles(dir)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"limit", "assertion", "error", "afterEach"})
    @DisplayName("leaves a recorded baseline byte for byte unchanged in mode update")
    void updateKeepsTheBaselineOfAFailedTest(String failure, @TempDir Path dir) throws IOException {
        runWith(dir, "compare", 1_000_000, "").testEvents().assertStatistics(s -> s.succeeded(1));
        Path file = baselineFiles(dir).get(0);
        String recorded = Files.readString(file);
        boolean limit = failure.equals("limit");
        runWith(dir, "update", limit ? 3_000_000 : 1_500_000, limit ? "" : failure)
                .testEvents().assertStatistics(s -> s.failed(1));
        assertThat(Files.readString(file)).isEqualTo(recorded);
    }

    @Test
    @DisplayName("is published with its outcome and the assertion's message, not left out of the reports")
    void thrownTestIsPublished(@TempDir Path dir) throws IOException {
        EngineExecutionResults assertion = runWith(dir, "off", 1_000_000, "assertion");
        assertThat(entries(assertion, "perf.outcome")).singleElement().asString()
                .startsWith("failed: [the test's own check] ").contains("expected: 3");
        assertThat(entries(assertion, "perf.time")).singleElement().asString().startsWith("median 1 ms");
        // the result file the report listener reads: the reports list the test as failed, with its message
        org.perfjunit.model.TestResult written = org.perfjunit.report.ResultFiles.read(
                Path.of(entries(assertion, org.perfjunit.report.ResultFiles.REPORT_ENTRY_KEY).get(0)));
        assertThat(written.outcome()).isEqualTo(org.perfjunit.model.Outcome.FAILED);
        assertThat(written.message()).startsWith("[the test's own check] ");
        EngineExecutionResults teardown = runWith(dir, "compare", 1_000_000, "afterEach");
        teardown.testEvents().assertStatistics(s -> s.failed(1));
        org.perfjunit.model.TestResult republished = org.perfjunit.report.ResultFiles.read(
                Path.of(entries(teardown, org.perfjunit.report.ResultFiles.REPORT_ENTRY_KEY).get(0)));
        assertThat(republished.outcome()).as("a passing measurement whose @AfterEach threw")
                .isEqualTo(org.perfjunit.model.Outcome.ERROR);
        assertThat(republished.message()).isEqualTo("java.lang.IllegalStateException: the teardown broke");
        EngineExecutionResults error = runWith(dir, "off", 1_000_000, "error");
        assertThat(entries(error, "perf.outcome")).singleElement().asString()
                .isEqualTo("error: java.lang.IllegalStateException: the fixture broke");
    }
}
