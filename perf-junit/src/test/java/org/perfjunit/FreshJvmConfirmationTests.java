package org.perfjunit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.BaselineExtensionTests.work;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/**
 * A stored-baseline verdict that would fail is measured again in fresh JVMs and judged across all of them. Each
 * test records with a small work size set here, then runs with a large one; the three child JVMs see the
 * fixture's initial size, so a fixture starting large is slow in every JVM (a real slowdown) and one starting
 * small is slow only in this JVM (what a JVM's own speed looks like). The slowdown is about 100x; the fixtures'
 * critical threshold is 300%, far above what a fresh JVM's short warm-up reads against a long-lived JVM's
 * recording (a 15% threshold let one run's three fresh JVMs all read the unchanged kernel slower than that).
 * Each fresh JVM is a real child (about a second each).
 */
@DisplayName("Stored verdicts confirmed in fresh JVMs")
class FreshJvmConfirmationTests {

    static final int SMALL = 100;
    static final int LARGE = 20_000;

    /** Large in a fresh JVM. */
    static volatile int slowEverywhere = LARGE;
    /** Small in a fresh JVM. */
    static volatile int slowHereOnly = SMALL;

    static class SlowInEveryJvmTestCase {
        @Test
        @Performance(iterations = 15)
        @Baseline(warning = "time=100%", critical = "time=300%")
        void kernel(PerfContext perf) {
            perf.measure(() -> work(slowEverywhere));
        }
    }

    static class SlowInThisJvmOnlyTestCase {
        @Test
        @Performance(iterations = 15)
        @Baseline(warning = "time=100%", critical = "time=300%")
        void kernel(PerfContext perf) {
            perf.measure(() -> work(slowHereOnly));
        }
    }

    @AfterEach
    void initialSizes() {
        slowEverywhere = LARGE;
        slowHereOnly = SMALL;
    }

    /** Warm-up until steady (at most 300 ms): a fresh JVM must compile the kernel as this long-lived one did. */
    private static EngineExecutionResults runWith(Class<?> fixture, Path dir, String confirmJvms) {
        return run(fixture, "perf.junit.baseline.dir", dir.toString(), "perf.junit.measurement.iterations", "15",
                "perf.junit.warmup.iterations", "-1", "perf.junit.warmup.max.time", "300ms",
                "perf.junit.baseline.confirm.jvms", confirmJvms);
    }

    private static String baselineFile(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(files).hasSize(1);
            return Files.readString(files.get(0));
        }
    }

    @Test
    @DisplayName("a slowdown every fresh JVM reads fails, judged across four JVMs")
    void aSlowdownInEveryJvmFails(@TempDir Path dir) throws IOException {
        slowEverywhere = SMALL;
        runWith(SlowInEveryJvmTestCase.class, dir, "3").testEvents().assertStatistics(s -> s.succeeded(1));
        String recorded = baselineFile(dir);

        slowEverywhere = LARGE;
        EngineExecutionResults results = runWith(SlowInEveryJvmTestCase.class, dir, "3");

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0)))
                .startsWith("median time [").contains("(critical threshold 300%")
                .contains("; confirmed in 3 fresh JVMs: 4 JVMs read +").contains("the fastest beyond 300% too")
                .doesNotContain("differ by more than the threshold");
        assertThat(baselineFile(dir)).as("a failed test leaves the baseline as recorded").isEqualTo(recorded);
    }

    @Test
    @DisplayName("a slowdown only this JVM reads is inconclusive and passes")
    void aSlowdownInThisJvmOnlyIsInconclusive(@TempDir Path dir) throws IOException {
        runWith(SlowInThisJvmOnlyTestCase.class, dir, "3").testEvents().assertStatistics(s -> s.succeeded(1));
        String recorded = baselineFile(dir);

        slowHereOnly = LARGE;
        EngineExecutionResults results = runWith(SlowInThisJvmOnlyTestCase.class, dir, "3");

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(results, "perf.outcome")).singleElement().asString()
                .startsWith("inconclusive: median time [")
                .contains("; not confirmed in 3 fresh JVMs: 4 JVMs read +")
                .contains(": fresh JVMs of the same code differ by more than the threshold");
        assertThat(baselineFile(dir)).isEqualTo(recorded);
    }

    @Test
    @DisplayName("confirm.jvms=0 fails on this JVM's reading alone")
    void noFreshJvmsFailAtOnce(@TempDir Path dir) {
        runWith(SlowInThisJvmOnlyTestCase.class, dir, "0").testEvents().assertStatistics(s -> s.succeeded(1));

        slowHereOnly = LARGE;
        EngineExecutionResults results = runWith(SlowInThisJvmOnlyTestCase.class, dir, "0");

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).startsWith("median time [")
                .contains("critical").doesNotContain("fresh JVMs");
    }
}
