package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.ParameterizedTest;
import java.util.function.Supplier;
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
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/**
 * @Baseline through the extension. Verdict logic is tested with synthetic samples in the baseline
 * package; here only outcomes whose margin no noise can cross are asserted (a 100x slowdown).
 */
@DisplayName("@Baseline through the PerformanceExtension")
class BaselineExtensionTests {

    static volatile int workSize = 100;

    static long work(int n) {
        long x = 0;
        for (int i = 0; i < n; i++) {
            x += Long.numberOfTrailingZeros(i * 31L + x) ^ i;
        }
        return x;
    }

    static class BaselineTestCase {
        @Test
        @Performance(iterations = 15)
        @Baseline
        void kernel(PerfContext perf) {
            perf.measure(() -> work(workSize));
        }
    }

    static class PairedTestCase {
        @Test
        @Performance(iterations = 15)
        @Baseline(against = "reference")
        void optimized(PerfContext perf) {
            perf.measure(() -> work(100));
        }

        Object reference() {
            return work(10_000);
        }
    }

    static class ExpectedRatioTestCase {
        @Test
        @Performance(iterations = 15)
        @Baseline(against = "reference", maxRatio = 0.5)
        void atLeastTwiceAsFast(PerfContext perf) {
            perf.measure(() -> work(100));
        }

        @Test
        @Performance(iterations = 15)
        @Baseline(against = "reference", maxRatio = 0.001)
        void aThousandTimesFaster(PerfContext perf) {
            perf.measure(() -> work(100));
        }

        @Test
        @Performance(iterations = 15)
        @Baseline(maxRatio = 2)
        void ratioWithoutReference(PerfContext perf) {
            perf.measure(() -> work(100));
        }

        Object reference() {
            return work(10_000);
        }
    }

    static class PairedSupplierTestCase {
        private final Supplier<Object> reference = () -> work(10_000);

        @Test
        @Performance(iterations = 15)
        @Baseline(against = "reference")
        void optimized(PerfContext perf) {
            perf.measure(() -> work(100));
        }
    }

    static class PairedNullFieldTestCase {
        private final Supplier<Object> reference = null;

        @Test
        @Performance(iterations = 15)
        @Baseline(against = "reference")
        void optimized(PerfContext perf) {
            perf.measure(() -> work(100));
        }
    }

    static class ParameterizedWorkloadTestCase {
        static final class Workload {
            final int size;

            Workload(int size) {
                this.size = size;
            }
        }

        static Stream<Workload> workloads() {
            return Stream.of(new Workload(100));
        }

        @ParameterizedTest
        @MethodSource("workloads")
        @Performance(iterations = 15)
        @Baseline
        void hashes(Workload workload, PerfContext perf) {
            perf.measure(() -> work(workload.size));
        }
    }

    private static EngineExecutionResults runWith(Class<?> fixture, Path dir, String mode) {
        return run(fixture, "perf.junit.baseline.dir", dir.toString(), "perf.junit.baseline.mode", mode,
                "perf.junit.measurement.iterations", "15");
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".json")).toList();
        }
    }

    @Test
    @DisplayName("records a missing baseline as NEW and passes, then fails a 100x slowdown as CRITICAL")
    void recordsThenDetects(@TempDir Path dir) throws IOException {
        workSize = 100;
        EngineExecutionResults first = runWith(BaselineTestCase.class, dir, "compare");
        first.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(files(dir)).singleElement().satisfies(p ->
                assertThat(p.getFileName().toString()).isEqualTo(BaselineTestCase.class.getName() + ".json"));
        String recorded = Files.readString(files(dir).get(0));

        workSize = 10_000;
        EngineExecutionResults second = runWith(BaselineTestCase.class, dir, "compare");
        second.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(second.testEvents().failed().list().get(0))).contains("time").contains("critical");
        assertThat(Files.readString(files(dir).get(0))).as("a regression never replaces the baseline").isEqualTo(recorded);
    }

    @Test
    @DisplayName("strict mode fails a test that has no baseline")
    void strict(@TempDir Path dir) {
        workSize = 100;
        EngineExecutionResults results = runWith(BaselineTestCase.class, dir, "strict");
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).containsIgnoringCase("baseline");
    }

    @Test
    @DisplayName("update mode rewrites the baseline, after which the slower code compares stable")
    void update(@TempDir Path dir) {
        workSize = 100;
        runWith(BaselineTestCase.class, dir, "compare");
        workSize = 10_000;
        runWith(BaselineTestCase.class, dir, "update").testEvents().assertStatistics(s -> s.succeeded(1));
        EngineExecutionResults after = runWith(BaselineTestCase.class, dir, "compare");
        assertThat(after.testEvents().failed().count()).isZero();
    }

    @Test
    void aSupplierFieldIsAPairedReferenceAndANullOneIsAConfigurationError(@TempDir Path dir) throws IOException {
        runWith(PairedSupplierTestCase.class, dir, "compare").testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(files(dir)).isEmpty();
        runWith(PairedNullFieldTestCase.class, dir, "compare").testEvents().assertThatEvents().haveExactly(1,
                finishedWithFailure(instanceOf(ExtensionConfigurationException.class), message(m -> m.contains(
                        "names a field holding [null]; the field must hold a java.util.function.Supplier"))));
    }

    @Test
    @DisplayName("an argument without toString() keeps one baseline entry across runs")
    void argumentsWithoutToStringKeepTheirKey(@TempDir Path dir) throws IOException {
        runWith(ParameterizedWorkloadTestCase.class, dir, "compare");
        runWith(ParameterizedWorkloadTestCase.class, dir, "compare");
        List<Path> written = files(dir);
        assertThat(written).hasSize(1);
        String json = Files.readString(written.get(0));
        assertThat(json).containsPattern("\"id\" : \"[^\"@]*#hashes\\(Workload, PerfContext\\)\\[1\\] \\[1\\] [^\"@]*"
                + "ParameterizedWorkloadTestCase\\$Workload\"");
        assertThat(json.split("\"id\" :", -1)).as("one entry").hasSize(2);
    }

    @Test
    @DisplayName("an expected ratio fails only when its interval lies wholly outside, and names the interval")
    void expectedRatio(@TempDir Path dir) throws IOException {
        EngineExecutionResults results = runWith(ExpectedRatioTestCase.class, dir, "compare");
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(2));
        assertThat(entries(results, "perf.outcome")).anySatisfy(o -> assertThat(o).startsWith("passed"));
        List<String> failures = results.testEvents().failed().list().stream().map(PerfTestKit::message).toList();
        assertThat(failures).anySatisfy(m -> assertThat(m).matches("paired time ratio \\[\\S+aThousandTimesFaster"
                + "\\(PerfContext\\)\\] / \\[reference\\(\\)\\] 0\\.0\\d\\d, 95% CI \\[0\\.\\d+, 0\\.\\d+\\] lies wholly above "
                + "maxRatio \\[0\\.001\\] \\(over \\[15\\] rounds; the interval covers sampling noise within this run "
                + "only, not run-to-run or JIT spread: leave a margin for it\\)"));
        // resolved with the other settings, before anything is measured (here while resolving the PerfContext)
        assertThat(failures).anySatisfy(m -> assertThat(m).contains("Configuration error: @Baseline(maxRatio = 2.0) "
                + "on [ratioWithoutReference()] needs a reference to divide by"));
        assertThat(files(dir)).isEmpty();
    }

    @Test
    @DisplayName("the expected-ratio key judges a paired test that sets no maxRatio of its own")
    void expectedRatioKey(@TempDir Path dir) {
        EngineExecutionResults strict = run(PairedTestCase.class, "perf.junit.baseline.dir", dir.toString(),
                "perf.junit.measurement.iterations", "15", "perf.junit.baseline.max.ratio", "0.001");
        strict.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(PerfTestKit.message(strict.testEvents().failed().list().get(0)))
                .contains("lies wholly above maxRatio [0.001]");
        EngineExecutionResults lenient = run(PairedTestCase.class, "perf.junit.baseline.dir", dir.toString(),
                "perf.junit.measurement.iterations", "15", "perf.junit.baseline.max.ratio", "0.5");
        lenient.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(lenient, "perf.outcome")).singleElement().asString().startsWith("passed");
    }

    @Test
    @DisplayName("paired A/B against a 100x slower reference is an improvement, and nothing is stored")
    void paired(@TempDir Path dir) throws IOException {
        EngineExecutionResults results = runWith(PairedTestCase.class, dir, "compare");
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(results, "perf.outcome")).singleElement().asString().startsWith("passed");
        assertThat(files(dir)).isEmpty();
    }
}
