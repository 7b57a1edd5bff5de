package org.perfjunit.extension;

import org.perfjunit.Performance;
import org.perfjunit.ExpectComplexity;

import org.perfjunit.model.Complexity;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.reflect.Method;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.cause;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

class ScalingRecorderTests {

    @Test
    void growthWorseThanDeclaredFailsTheParameterizedTestContainer() {
        EngineExecutionResults results = run(QuadraticTestCase.class);
        assertThat(results.testEvents().succeeded().count()).isEqualTo(5);
        results.containerEvents().assertThatEvents().haveExactly(1, event(container("declaredLinearithmic"),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message("measured growth [O(n²)] is worse"
                        + " than @ExpectComplexity [O(n log n)] over [5] sizes (fit O(n²): t ≈ 100.0 ns + 2.000 ns·n²"
                        + " (R² 1.0000, rms error 0.0%, 5 sizes))"))));
        AssertionFailedError failure = (AssertionFailedError) results.containerEvents().failed().stream()
                .findFirst().orElseThrow().getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .orElseThrow().getThrowable().orElseThrow();
        assertThat(failure.getExpected().getValue()).isEqualTo("O(n log n)");
        assertThat(failure.getActual().getValue()).isEqualTo("O(n²)");
    }

    @Test
    void growthThatOnlyNoiseMakesWorseThanDeclaredIsInconclusiveNotAFailure() {
        EngineExecutionResults results = run(NoisyLinearTestCase.class);
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("hashesBytes"), finishedSuccessfully()));
        assertThat(reportEntry(results, ScalingRecorder.COMPLEXITY_KEY)).containsEntry("perf.complexity", "O(n log n)");
        assertThat(reportEntry(results, ScalingRecorder.COMPLEXITY_KEY + ".verdict").get("perf.complexity.verdict"))
                .startsWith("complexity inconclusive: the fit prefers [O(n log n)] but [O(n)] or better explains the "
                        + "5 sizes as well within their noise");
    }

    @Test
    void growthBetterThanDeclaredPassesAndIsPublished() {
        EngineExecutionResults results = run(LinearTestCase.class);
        results.containerEvents().assertThatEvents()
                .haveExactly(1, event(container("declaredQuadratic"), finishedSuccessfully()));
        Map<String, String> entry = reportEntry(results, ScalingRecorder.COMPLEXITY_KEY);
        assertThat(entry).containsEntry("perf.complexity", "O(n)").containsEntry("perf.complexity.r2", "1.0000")
                .containsEntry("perf.complexity.coefficient", "3.00000");
        assertThat(entry.get("perf.complexity.fit")).startsWith("O(n): t ≈ 100.0 ns + 3.000 ns·n");
    }

    /**
     * JUnit 5.14 wraps an {@link Exception} thrown while closing a store value in
     * "Failed to close extension context" (AssertionErrors pass unwrapped, see the first test).
     */
    @Test
    void tooFewSizesForADeclaredComplexityIsAConfigurationError() {
        run(TwoSizesTestCase.class).containerEvents().assertThatEvents().haveExactly(1, event(container("twoSizes"),
                finishedWithFailure(instanceOf(JUnitException.class), message("Failed to close extension context"),
                        cause(instanceOf(ExtensionConfigurationException.class), message("Configuration error:"
                                + " @ExpectComplexity on [twoSizes()] needs at least [3] distinct sizes with a"
                                + " measurement, got [2]; invocations that failed or were skipped record none, so fix"
                                + " those first, or add sizes to the parameter source.")))));
    }

    @Test
    void anExpectationOnAnEnclosingClassAppliesToNestedTests() {
        run(EnclosingTestCase.class).containerEvents().assertThatEvents().haveExactly(1, event(container("quadratic"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.startsWith("measured growth [O(n²)] is worse than @ExpectComplexity [O(n)]")))));
    }

    @Test
    void theFitUsesTheRecordedValueOfTheDeclaredMetric() {
        run(CpuTimeTestCase.class).containerEvents().assertThatEvents()
                .haveExactly(1, event(container("fitsCpuTime"), finishedSuccessfully()));
    }

    @Test
    void onlyWallAndCpuTimeCanBeFitted() throws NoSuchMethodException {
        assertThat(ScalingRecorder.fittedMetric(CpuTimeTestCase.class.getDeclaredMethod("fitsCpuTime", int.class)))
                .isEqualTo("cpu_time");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ScalingRecorder.fittedMetric(
                        CpuTimeTestCase.class.getDeclaredMethod("unknownMetric", int.class)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@ExpectComplexity(metric = \"energy\")").hasMessageContaining("\"cpu_time\"");
    }

    @Test
    void theDeclaredParameterIndexSelectsTheSizeArgument() throws NoSuchMethodException {
        Method method = IndexTestCase.class.getDeclaredMethod("sized", int.class, String.class, long.class);
        assertThat(ScalingRecorder.sizeArgument(method, java.util.List.of(7, "x", 4096L))).hasValue(4096L);
        Method plain = LinearTestCase.class.getDeclaredMethod("declaredQuadratic", int.class);
        assertThat(ScalingRecorder.sizeArgument(plain, java.util.List.of(64))).hasValue(64L);
    }

    @Test
    void threadCountsArePublishedAsScalingEfficiency() {
        EngineExecutionResults results = run(ThreadsTestCase.class);
        assertThat(reportEntry(results, ScalingRecorder.SCALING_KEY))
                .containsEntry("perf.scaling", "1 thread: 1.00× (100%), 2 threads: 2.00× (100%), 4 threads: 3.20× (80%)");
    }

    private static Map<String, String> reportEntry(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .filter(m -> m.containsKey(key)).findFirst().orElseThrow();
    }

    /**
     * The fake extensions stand in for measuring, so the performance extension that {@code @ExpectComplexity}
     * registers is switched off ({@code perf.junit.mode=disabled}); the recorder still fits and judges.
     */
    private static EngineExecutionResults run(Class<?> testCase) {
        return EngineTestKit.engine("junit-jupiter").enableImplicitConfigurationParameters(false)
                .configurationParameter("perf.junit.mode", "disabled")
                .selectors(selectClass(testCase)).execute();
    }

    /** Synthetic median time the fake extension records: 100 + coefficient·g(n) ns. */
    @Retention(RetentionPolicy.RUNTIME)
    @interface Times {
        Complexity value();

        double coefficient() default 2;
    }

    /** Stands in for the performance extension: records synthetic times after each invocation. */
    static class FakeTimingExtension implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
            invocation.proceed();
            Method method = invocationContext.getExecutable();
            Times times = method.getAnnotation(Times.class);
            long size = ScalingRecorder.sizeArgument(method, invocationContext.getArguments()).orElse(0);
            ScalingRecorder.forTemplate(context).record(size, 100 + times.coefficient() * times.value().growth(size), 1);
        }
    }

    @ExtendWith(FakeTimingExtension.class)
    static class QuadraticTestCase {
        @ParameterizedTest
        @ValueSource(ints = {10, 20, 40, 80, 160})
        @ExpectComplexity(Complexity.O_N_LOG_N)
        @Times(Complexity.O_N2)
        void declaredLinearithmic(int n) {
        }
    }

    /** A linear hash whose cost per byte wanders between 1.2 and 1.5 ns over the sizes, as on a shared machine. */
    static class DriftingLinearExtension implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
            invocation.proceed();
            long size = ScalingRecorder.sizeArgument(invocationContext.getExecutable(), invocationContext.getArguments())
                    .orElse(0);
            double perByte = new double[] {1.3, 1.2, 1.45, 1.35, 1.5}[Long.numberOfTrailingZeros(size) - 14];
            ScalingRecorder.forTemplate(context).record(size, size * perByte, 1);
        }
    }

    @ExtendWith(DriftingLinearExtension.class)
    static class NoisyLinearTestCase {
        @ParameterizedTest
        @ValueSource(ints = {16_384, 32_768, 65_536, 131_072, 262_144})
        @ExpectComplexity(Complexity.O_N)
        void hashesBytes(int n) {
        }
    }

    @ExtendWith(FakeTimingExtension.class)
    static class LinearTestCase {
        @ParameterizedTest
        @ValueSource(ints = {16, 64, 256, 1024})
        @ExpectComplexity(Complexity.O_N2)
        @Times(value = Complexity.O_N, coefficient = 3)
        void declaredQuadratic(int n) {
        }
    }

    @ExtendWith(FakeTimingExtension.class)
    static class TwoSizesTestCase {
        @ParameterizedTest
        @ValueSource(ints = {10, 20, 20})
        @ExpectComplexity(Complexity.O_N)
        @Times(Complexity.O_N)
        void twoSizes(int n) {
        }
    }

    /** Wall time that load bent to O(n²) while CPU time stayed linear: the fit uses the CPU time. */
    static class LoadBentExtension implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
            invocation.proceed();
            long n = ScalingRecorder.sizeArgument(invocationContext.getExecutable(), invocationContext.getArguments())
                    .orElse(0);
            ScalingRecorder.forTemplate(context).record(n, 100 + 2.0 * n * n, 1, 100 + 3.0 * n);
        }
    }

    @ExtendWith(FakeTimingExtension.class)
    @ExpectComplexity(Complexity.O_N)
    static class EnclosingTestCase {
        @Nested
        class Inner {
            @ParameterizedTest
            @ValueSource(ints = {10, 20, 40, 80, 160})
            @Times(Complexity.O_N2)
            void quadratic(int n) {
            }
        }
    }

    @ExtendWith(LoadBentExtension.class)
    static class CpuTimeTestCase {
        @ParameterizedTest
        @ValueSource(ints = {16, 32, 64, 128, 256})
        @ExpectComplexity(value = Complexity.O_N, metric = "cpu_time")
        void fitsCpuTime(int n) {
        }

        @ExpectComplexity(value = Complexity.O_N, metric = "energy")
        void unknownMetric(int n) {
        }
    }

    static class IndexTestCase {
        @ExpectComplexity(value = Complexity.O_N, parameter = 2)
        void sized(int repetitions, String label, long size) {
        }
    }

    /** Records thread counts directly, as the extension does for @Performance(threads = n). */
    static class ThreadsExtension implements InvocationInterceptor {
        @Override
        public void interceptTestTemplateMethod(Invocation<Void> invocation,
                ReflectiveInvocationContext<Method> invocationContext, ExtensionContext context) throws Throwable {
            invocation.proceed();
            int threads = (Integer) invocationContext.getArguments().get(0);
            double nanos = ((Integer) invocationContext.getArguments().get(1)).doubleValue();
            ScalingRecorder.forTemplate(context).record(0, nanos, threads);
        }
    }

    @ExtendWith(ThreadsExtension.class)
    static class ThreadsTestCase {
        @ParameterizedTest
        @CsvSource({"1, 800", "2, 400", "4, 250"})
        void scales(int threads, int nanos) {
        }
    }

}
