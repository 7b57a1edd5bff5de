package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.perfjunit.model.Complexity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.run;

/**
 * {@code @MaxEnergy}, {@code @Baseline} and {@code @ExpectComplexity} without {@code @Performance}: each implies
 * measuring, as {@code @MaxDuration} does, instead of silently doing nothing.
 */
@DisplayName("Annotations on their own")
class AnnotationsAloneTests {

    static class EnergyAloneTestCase {
        @Test
        @MaxEnergy(value = 1, unit = EnergyUnit.MILLIJOULES)
        void usesTwoMillijoules(PerfContext perf) {
            perf.measure(() -> 1);
            perf.energy(0.002);
        }
    }

    @Test
    @DisplayName("@Test @MaxEnergy alone measures the test and judges its limit")
    void maxEnergyAlone() {
        EngineExecutionResults results = run(EnergyAloneTestCase.class);
        assertThat(results.testEvents().failed().list()).singleElement().extracting(PerfTestKit::message)
                .isEqualTo("energy per invocation [2 mJ] exceeded @MaxEnergy [1 mJ] over [5] samples (2× the limit)");
        assertThat(entries(results, "perf.energy")).hasSize(1);
    }

    static class BaselineAloneTestCase {
        @Test
        @Baseline(mode = "update")
        void recorded() {
            Math.sqrt(2);
        }
    }

    @Test
    @DisplayName("@Test @Baseline alone measures the test and records its baseline")
    void baselineAlone(@TempDir Path dir) throws IOException {
        EngineExecutionResults results = run(BaselineAloneTestCase.class, "perf.junit.baseline.dir", dir.toString());
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(0));
        assertThat(entries(results, "perf.time")).hasSize(1);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().equals(BaselineAloneTestCase.class.getName()
                    + ".json"))).hasSize(1);
        }
    }

    @Baseline(mode = "update")
    static class BaselineOnClassTestCase {
        @Test
        void plainTest() {
        }

        @Test
        @Performance
        void performanceTest() {
        }
    }

    @Test
    @DisplayName("@Baseline on a class configures its performance tests and leaves plain tests plain")
    void baselineOnClass(@TempDir Path dir) {
        EngineExecutionResults results = run(BaselineOnClassTestCase.class, "perf.junit.baseline.dir", dir.toString());
        results.testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertThat(entries(results, "perf.outcome")).hasSize(1);
    }

    static class ComplexityAloneTestCase {
        @ParameterizedTest
        @ValueSource(ints = {1, 2, 4})
        @ExpectComplexity(Complexity.O_N3)
        void grows(int n) {
            Math.sqrt(n);
        }
    }

    @Test
    @DisplayName("@ParameterizedTest @ExpectComplexity alone measures every invocation and fits the growth")
    void expectComplexityAlone() {
        EngineExecutionResults results = run(ComplexityAloneTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        assertThat(entries(results, "perf.time")).hasSize(3);
        assertThat(entries(results, "perf.complexity")).hasSize(1);
        assertThat(results.containerEvents().failed().list()).extracting(PerfTestKit::message).isEmpty();
    }

    @Test
    @DisplayName("@MaxEnergy and @ExpectComplexity tag their tests performance, like @MaxDuration")
    void tagged() {
        assertThat(Stream.of(MaxEnergy.class, ExpectComplexity.class, MaxDuration.class))
                .allSatisfy(a -> assertThat(AnnotationSupport.findRepeatableAnnotations(a, Tag.class))
                        .extracting(Tag::value).contains("performance"));
    }
}
