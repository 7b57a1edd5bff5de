package org.perfjunit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Statistic;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

@DisplayName("PerformanceExtension")
class PerformanceExtensionTests {

    static final AtomicInteger BODY_CALLS = new AtomicInteger();
    static final AtomicInteger BEFORE_EACH_CALLS = new AtomicInteger();

    static void work() {
        long x = 0;
        for (int i = 0; i < 200; i++) {
            x += Long.numberOfTrailingZeros(i * 31L + x);
        }
        if (x == 42) {
            BODY_CALLS.incrementAndGet();
        }
    }

    static class WholeBodyTestCase {
        @BeforeEach
        void setUp() {
            BEFORE_EACH_CALLS.incrementAndGet();
        }

        @Test
        @Performance
        void measured() {
            BODY_CALLS.incrementAndGet();
            work();
        }
    }

    @Test
    @DisplayName("measures the whole body repeatedly after a single @BeforeEach and publishes metrics")
    void wholeBody() {
        BODY_CALLS.set(0);
        BEFORE_EACH_CALLS.set(0);
        EngineExecutionResults results = run(WholeBodyTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        assertThat(BEFORE_EACH_CALLS.get()).isEqualTo(1);
        assertThat(BODY_CALLS.get()).isGreaterThan(5);
        assertThat(entries(results, "perf.time")).singleElement().asString().matches("median .+, p95 .+, n=5");
        assertThat(entries(results, "perf.allocated")).hasSize(1);
        assertThat(entries(results, "perf.throughput")).singleElement().asString().contains("ops/s");
        assertThat(entries(results, "perf.outcome")).containsExactly("passed");
    }

    static class LimitsTestCase {
        @Test
        @MaxDuration(value = 1, unit = TimeUnit.NANOSECONDS, statistic = Statistic.P95)
        void tooSlow() {
            work();
        }

        @Test
        @MaxDuration(value = 1, unit = TimeUnit.HOURS)
        void fastEnough() {
            work();
        }

        @Test
        @MaxMemory(value = 1, unit = MemoryUnit.KIB)
        void allocatesTooMuch() {
            BODY_CALLS.addAndGet(new byte[64 * 1024].length);
        }

        @Test
        @MinThroughput(value = 1, per = TimeUnit.NANOSECONDS)
        void tooFewOperations() {
            work();
        }
    }

    @Test
    @DisplayName("limits fail with the statistic, the value, the limit and the sample count")
    void limitMessages() {
        EngineExecutionResults results = run(LimitsTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).extracting(PerfTestKit::message).anySatisfy(m -> assertThat(m)
                .matches("p95 duration \\[[0-9.]+ (ns|µs|ms)\\] exceeded @MaxDuration \\[1 ns\\] over \\[5\\] samples \\([0-9.]+× the limit\\)"));
        assertThat(failed).extracting(PerfTestKit::message).anySatisfy(m -> assertThat(m)
                .matches("median allocated memory per invocation \\[64(\\.[0-9]+)? KiB\\] exceeded @MaxMemory \\[1 KiB\\] over \\[5\\] samples \\([0-9.]+× the limit\\)"));
        assertThat(failed).extracting(PerfTestKit::message).anySatisfy(m -> assertThat(m)
                .matches("median throughput \\[.+ops/s\\] fell below @MinThroughput \\[1 Gops/s\\] over \\[5\\] samples \\([0-9.]+× the limit\\)"));
        assertThat(failed).allSatisfy(e -> assertThat(e.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable).orElseThrow())
                .isInstanceOf(AssertionFailedError.class));
    }

    static class ThrowingTestCase {
        @Test
        @Performance
        void throwsMidMeasurement() {
            if (BODY_CALLS.incrementAndGet() > 3) {
                throw new IllegalStateException("broken on call " + BODY_CALLS.get());
            }
        }
    }

    @Test
    @DisplayName("a body that throws fails with the original exception, and no result is published")
    void originalException() {
        BODY_CALLS.set(0);
        EngineExecutionResults results = run(ThrowingTestCase.class);
        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).isEqualTo("broken on call 4");
        assertThat(entries(results, "perf.time")).isEmpty();
    }

    static class LifecycleFailureTestCase {
        static boolean failBefore;

        @BeforeEach
        void setUp() {
            if (failBefore) {
                throw new IllegalStateException("setUp failed");
            }
        }

        @org.junit.jupiter.api.AfterEach
        void tearDown() {
            if (!failBefore) {
                throw new IllegalStateException("tearDown failed");
            }
        }

        @Test
        @Performance
        void measured() {
            BODY_CALLS.incrementAndGet();
        }
    }

    @Test
    @DisplayName("@BeforeEach and @AfterEach failures behave as in plain JUnit")
    void lifecycleFailures() {
        BODY_CALLS.set(0);
        LifecycleFailureTestCase.failBefore = true;
        EngineExecutionResults before = run(LifecycleFailureTestCase.class);
        assertThat(message(before.testEvents().failed().list().get(0))).isEqualTo("setUp failed");
        assertThat(BODY_CALLS.get()).as("body never runs after a failed @BeforeEach").isZero();
        assertThat(entries(before, "perf.time")).isEmpty();

        LifecycleFailureTestCase.failBefore = false;
        EngineExecutionResults after = run(LifecycleFailureTestCase.class);
        assertThat(message(after.testEvents().failed().list().get(0))).isEqualTo("tearDown failed");
        // the measurement completed and was published, then published again with the teardown's failure
        assertThat(entries(after, "perf.time")).as("the measurement itself").isNotEmpty()
                .allMatch(t -> t.equals(entries(after, "perf.time").get(0)));
        assertThat(entries(after, "perf.outcome")).last().asString()
                .isEqualTo("error: java.lang.IllegalStateException: tearDown failed");
    }

    @Performance(iterations = 7)
    static class LadderTestCase {
        @Test
        @Performance(iterations = 3)
        void method() {
            work();
        }

        @Test
        void classLevel() {
            work();
        }
    }

    @Performance
    static class KeyTestCase {
        @Test
        void key() {
            work();
        }
    }

    @Test
    @DisplayName("method annotation beats class annotation")
    void ladderAnnotations() {
        EngineExecutionResults results = run(LadderTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(entries(results, "perf.run")).anySatisfy(v -> assertThat(v).startsWith("samples=3,"))
                .anySatisfy(v -> assertThat(v).startsWith("samples=7,"));
    }

    @Test
    @DisplayName("a configuration key applies when no annotation sets the attribute")
    void ladderKey() {
        EngineExecutionResults results = run(KeyTestCase.class, "perf.junit.measurement.iterations", "4");
        assertThat(entries(results, "perf.run")).singleElement().asString().startsWith("samples=4,");
    }

    @Test
    @DisplayName("without annotation attribute or key, sampling is adaptive with at least 10 samples")
    void ladderDefault() {
        EngineExecutionResults results = run(KeyTestCase.class, "perf.junit.measurement.iterations", "-1",
                "perf.junit.measurement.min.time", "0ms", "perf.junit.measurement.max.time", "300ms");
        assertThat(entries(results, "perf.run")).singleElement().asString()
                .matches("samples=(\\d{2,}),.*stop=(converged|max_time|max_samples)");
    }

    static class InvalidAnnotationTestCase {
        @Test
        @Performance(iterations = 0)
        void zeroIterations() {
        }

        @Test
        @MaxDuration(value = -5)
        void negativeLimit() {
        }

        @Test
        @Performance(maxTime = "soon")
        void unreadableDuration() {
        }
    }

    @Test
    @DisplayName("invalid annotation values are configuration errors naming attribute, value and fix")
    void invalidAnnotations() {
        EngineExecutionResults results = run(InvalidAnnotationTestCase.class);
        assertThat(results.testEvents().failed().list()).extracting(PerfTestKit::message).containsExactlyInAnyOrder(
                "Configuration error: @Performance on [zeroIterations()] has iterations [0]; it must be a positive number of samples, or -1 for adaptive stopping.",
                "Configuration error: @MaxDuration on [negativeLimit()] must declare a positive 'value', was [-5.0].",
                "Configuration error: @Performance on [unreadableDuration()] has maxTime [\"soon\"]; it must be a duration such as 500ms, 2s or 1m.");
    }

    @Test
    @DisplayName("an invalid configuration value names the key, the value and the fix")
    void invalidKey() {
        EngineExecutionResults results = run(KeyTestCase.class, "perf.junit.mode", "sometimes");
        assertThat(message(results.testEvents().failed().list().get(0))).isEqualTo(
                "Configuration error: [perf.junit.mode=sometimes] is invalid; use one of enabled, disabled, report_only.");
    }

    @Test
    @DisplayName("mode=disabled runs the body once, unmeasured")
    void disabledMode() {
        BODY_CALLS.set(0);
        EngineExecutionResults results = run(WholeBodyTestCase.class, "perf.junit.mode", "disabled");
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(BODY_CALLS.get()).isEqualTo(1);
        assertThat(entries(results, "perf.time")).isEmpty();
    }

    @Test
    @DisplayName("mode=report_only measures and reports but never fails on a limit")
    void reportOnlyMode() {
        EngineExecutionResults results = run(LimitsTestCase.class, "perf.junit.mode", "report_only");
        results.testEvents().assertStatistics(s -> s.succeeded(4));
        assertThat(entries(results, "perf.outcome")).filteredOn(v -> v.startsWith("reported: ")).hasSize(3);
    }

    static class ContextTestCase {
        @Test
        @Performance
        @MaxMemory(value = 1, unit = MemoryUnit.KIB, kind = MemoryKind.RETAINED)
        @SuppressWarnings("try") // the phase is closed only for its timing
        void measuresRegion(PerfContext perf) {
            long[] result = perf.measure(() -> {
                try (var phase = perf.phase("fill")) {
                    long[] a = new long[1000];
                    a[1] = 1;
                    return a;
                }
            });
            perf.counter("items", 1000);
            perf.metric("accuracy", 0.97, Direction.HIGHER_IS_BETTER);
            assertThat(result).hasSize(1000);
            assertThat(perf.result().samples()).isEqualTo(5);
        }

        @Test
        @Performance
        void measuresTwice(PerfContext perf) {
            perf.measure(() -> 1);
            perf.measure(() -> 2);
        }

        @Test
        @Performance
        void neverMeasures(PerfContext perf) {
        }
    }

    @Test
    @DisplayName("PerfContext times a region, reports phases, counters and metrics, and sizes the result")
    void perfContext() {
        EngineExecutionResults results = run(ContextTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(3).failed(3));
        List<String> messages = results.testEvents().failed().list().stream().map(PerfTestKit::message).toList();
        assertThat(messages).anySatisfy(m -> assertThat(m)
                .matches("retained size \\[7\\.8[0-9]* KiB\\] exceeded @MaxMemory \\[1 KiB\\] over \\[5\\] samples \\([0-9.]+× the limit\\)"));
        assertThat(messages).contains(
                "PerfContext.measure(...) may be called once per test; split the test, or measure one operation that does both things",
                "Configuration error: [neverMeasures()] takes a PerfContext but never called perf.measure(...); "
                        + "measure the operation, or drop the parameter to measure the whole test body.");
        assertThat(entries(results, "perf.phase.fill")).hasSize(1);
        assertThat(entries(results, "perf.items")).containsExactly("1000 items");
        assertThat(entries(results, "perf.items.rate")).singleElement().asString().contains("items/s");
        assertThat(entries(results, "perf.accuracy")).containsExactly("0.97");
    }

    static class PrimitiveContextTestCase {
        private final double[] values = {1.5, 2.5, 3.0};

        @Test
        @Performance
        void sumsWithoutBoxing(PerfContext perf) {
            double sum = perf.measureDouble(() -> values[0] + values[1] + values[2]);
            assertThat(sum).isEqualTo(7.0);
        }

        @Test
        @Performance
        void countsWithoutBoxing(PerfContext perf) {
            long length = perf.measureLong(() -> values.length);
            assertThat(length).isEqualTo(3);
            assertThat(perf.result().allocatedBytesPerOperation()).isPresent();
        }
    }

    @Test
    @DisplayName("measureDouble and measureLong return the last result unboxed")
    void primitiveContext() {
        run(PrimitiveContextTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));
    }

    static class ParameterizedTestCase {
        @ParameterizedTest
        @ValueSource(ints = {10, 1000})
        @Performance
        void scales(int n) {
            long x = 0;
            for (int i = 0; i < n; i++) {
                x += i;
            }
            assertThat(x).isNotNegative();
        }
    }

    @Test
    @DisplayName("each parameterized invocation is measured separately")
    void parameterized() {
        EngineExecutionResults results = run(ParameterizedTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(entries(results, "perf.time")).hasSize(2);
    }

    @Performance(iterations = 6)
    static class OuterTestCase {
        @Nested
        class InnerTestCase {
            @Test
            void inherited() {
                work();
            }
        }
    }

    @Test
    @DisplayName("@Nested tests inherit the enclosing class's @Performance")
    void nested() {
        EngineExecutionResults results = run(OuterTestCase.class);
        assertThat(entries(results, "perf.run")).singleElement().asString().startsWith("samples=6,");
    }

    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Test
    @Performance(iterations = 3)
    @MaxDuration(value = 1, unit = TimeUnit.NANOSECONDS)
    @interface PhotonicBenchmark {
    }

    static class ComposedTestCase {
        @PhotonicBenchmark
        void composed() {
            work();
        }
    }

    @Test
    @DisplayName("composed annotations carry @Test, @Performance and limits")
    void composed() {
        EngineExecutionResults results = run(ComposedTestCase.class);
        assertThat(results.testEvents().failed().list()).singleElement().extracting(PerfTestKit::message).asString()
                .matches("median duration \\[.+\\] exceeded @MaxDuration \\[1 ns\\] over \\[3\\] samples \\([0-9.]+× the limit\\)");
        assertThat(results.testEvents().list()).allSatisfy(e ->
                assertThat(e.getTestDescriptor().getTags()).extracting(Object::toString).contains("performance"));
    }

    static class FactoryTestCase {
        @TestFactory
        @Performance
        Stream<DynamicTest> dynamic() {
            return Stream.of(DynamicTest.dynamicTest("a", () -> { }));
        }
    }

    @Test
    @DisplayName("@TestFactory is rejected with a message that names the alternative")
    void testFactory() {
        EngineExecutionResults results = run(FactoryTestCase.class);
        assertThat(message(results.containerEvents().failed().list().get(0))).isEqualTo(
                "Configuration error: @TestFactory [dynamic()] cannot be a performance test: dynamic tests have no "
                        + "stable identity to measure and baseline. Use @ParameterizedTest instead.");
    }

    static class ThreadsTestCase {
        @Test
        @Performance(threads = 2)
        void concurrent() {
            work();
        }
    }

    @Test
    @DisplayName("threads = 2 runs rounds of two concurrent batches")
    void threads() {
        EngineExecutionResults results = run(ThreadsTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(entries(results, "perf.time")).singleElement().asString().endsWith("n=10");
    }
}
