package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.Level;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.baseline.SyntheticResults.ENVIRONMENT;
import static org.perfjunit.baseline.SyntheticResults.result;
import static org.perfjunit.baseline.SyntheticResults.time;

class BaselineGateTests {

    private static final String CLASS = "com.example.KernelTests";
    private static final String KEY = EnvironmentKey.of(ENVIRONMENT);

    @TempDir
    Path dir;

    private BaselineStore store() {
        return new BaselineStore(dir);
    }

    private GateResult run(BaselineMode mode, double nanos, long seed) {
        return gate().evaluate(result(CLASS, "matmul", time(nanos, 0.01, seed)),
                BaselineSettings.defaults().withMode(mode), null);
    }

    private BaselineGate gate() {
        return new BaselineGate(store(), ENVIRONMENT, 150e6, new BaselineComparator(300));
    }

    private double storedMedian() {
        return store().find(KEY, CLASS, CLASS + "#matmul()").orElseThrow().metric("time").summary().median();
    }

    @Test
    void compareRecordsAMissingBaselineAsNewAndPasses() {
        GateResult first = run(BaselineMode.COMPARE, 10e6, 1);
        assertThat(first.failed()).isFalse();
        assertThat(first.comparisons()).extracting(Comparison::level).containsExactly(Level.NEW);
        BaselineEntry entry = store().find(KEY, CLASS, CLASS + "#matmul()").orElseThrow();
        assertThat(entry.calibrationNanos()).isEqualTo(150e6);
        assertThat(entry.gitCommit()).isEqualTo("abc123");
        assertThat(run(BaselineMode.COMPARE, 10e6, 2).comparisons()).extracting(Comparison::level)
                .containsExactly(Level.STABLE);
    }

    @Test
    void compareFailsACriticalRegressionWithTheAcceptCommandAndKeepsTheBaseline() {
        run(BaselineMode.COMPARE, 10e6, 1);
        double before = storedMedian();
        GateResult slow = run(BaselineMode.COMPARE, 13e6, 2);
        assertThat(slow.failed()).isTrue();
        assertThat(slow.failureMessage()).startsWith("median time [").contains("(critical threshold 15%, p<0.001")
                .endsWith("). If intended, accept it: mvn test -Dperf.junit.baseline.mode=update -Dtest=KernelTests#matmul"
                        + " -Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(storedMedian()).isEqualTo(before);
    }

    @Test
    void warningsAndImprovementsDoNotFail() {
        run(BaselineMode.COMPARE, 10e6, 1);
        assertThat(run(BaselineMode.COMPARE, 11e6, 2).comparisons().get(0).level()).isEqualTo(Level.WARNING);
        GateResult faster = run(BaselineMode.COMPARE, 7e6, 3);
        assertThat(faster.failed()).isFalse();
        assertThat(faster.comparisons().get(0).level()).isEqualTo(Level.IMPROVEMENT);
    }

    @Test
    void strictFailsWithoutABaselineAndWritesNothing() {
        GateResult strict = run(BaselineMode.STRICT, 10e6, 1);
        assertThat(strict.failed()).isTrue();
        assertThat(strict.failureMessage()).startsWith("no baseline for [com.example.KernelTests#matmul()] in [")
                .contains("Record or accept it: mvn test -Dperf.junit.baseline.mode=update");
        assertThat(Files.exists(store().fileFor(KEY, CLASS))).isFalse();
    }

    @Test
    void updateOverwritesEvenARegressionAndPasses() {
        run(BaselineMode.COMPARE, 10e6, 1);
        GateResult update = run(BaselineMode.UPDATE, 20e6, 2);
        assertThat(update.failed()).isFalse();
        assertThat(update.comparisons().get(0).level()).isEqualTo(Level.CRITICAL);
        assertThat(storedMedian()).isGreaterThan(19e6);
    }

    @Test
    void updateIfImprovedStoresOnlyImprovements() {
        run(BaselineMode.COMPARE, 10e6, 1);
        run(BaselineMode.UPDATE_IF_IMPROVED, 10.1e6, 2);
        assertThat(storedMedian()).isLessThan(10.1e6);
        run(BaselineMode.UPDATE_IF_IMPROVED, 7e6, 3);
        assertThat(storedMedian()).isLessThan(7.1e6);
        assertThat(run(BaselineMode.UPDATE_IF_IMPROVED, 10e6, 4).failed()).isTrue();
        assertThat(storedMedian()).isLessThan(7.1e6);
    }

    @Test
    void aConfiguredMetricTheTestDidNotReportFailsInsteadOfBeingIgnored() {
        BaselineSettings energy = new BaselineSettings(BaselineMode.COMPARE, List.of("time", "energy"), Statistic.MEDIAN,
                Map.of(), 0.95, false, false, 200, "", null);
        GateResult missing = gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1)), energy, null);
        assertThat(missing.failed()).isTrue();
        assertThat(missing.failureMessage()).startsWith("metric [energy] is configured for baseline comparison but "
                + "the test did not report it (reported: [time])");
    }

    @Test
    void aSuiteWideMetricListSkipsMetricsATestDoesNotReport() {
        BaselineSettings suiteWide = new BaselineSettings(BaselineMode.COMPARE, List.of("time", "energy"), Statistic.MEDIAN,
                Map.of(), 0.95, false, false, 200, "", null, false);
        GateResult result = gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1)), suiteWide, null);
        assertThat(result.failed()).isFalse();
        assertThat(result.comparisons()).extracting(c -> c.metric()).containsExactly("time");
    }

    @Test
    void aPairedComparisonFailsAgainstItsReferenceWithoutTouchingTheStore() {
        double[] reference = SyntheticResults.samples(1e6, 0.01, 30, 1);
        double[] candidate = SyntheticResults.samples(1.3e6, 0.01, 30, 2);
        GateResult paired = gate().evaluatePaired(result(CLASS, "optimized", time(1.3e6, 0.01, 3)), "time",
                reference, candidate, BaselineSettings.defaults(), "referenceKernel()");
        assertThat(paired.failed()).isTrue();
        assertThat(paired.failureMessage()).startsWith("paired median time [").contains("over [referenceKernel()] [");
        assertThat(Files.exists(dir.resolve(KEY))).isFalse();
    }

    @Test
    void offNeitherComparesNorWrites() {
        GateResult off = run(BaselineMode.OFF, 10e6, 1);
        assertThat(off.comparisons()).isEmpty();
        assertThat(off.failed()).isFalse();
        assertThat(Files.exists(dir.resolve(KEY))).isFalse();
    }

    @Test
    void anInconclusiveVerdictIsReMeasuredOnceAndFailsOnlyWhenConfigured() {
        gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1)), BaselineSettings.defaults(), null);
        AtomicInteger calls = new AtomicInteger();
        TestResult noisy = result(CLASS, "matmul", time(11.5e6, 0.3, 2));
        GateResult lenient = gate().evaluate(noisy, BaselineSettings.defaults(), () -> {
            calls.incrementAndGet();
            return result(CLASS, "matmul", time(11.5e6, 0.3, 3));
        });
        assertThat(calls).hasValue(1);
        assertThat(lenient.remeasured()).isTrue();
        assertThat(lenient.comparisons().get(0).level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(lenient.failed()).isFalse();
        BaselineSettings failing = new BaselineSettings(BaselineMode.COMPARE, List.of(), Statistic.MEDIAN, Map.of(),
                0.95, true, false, 200, "", null);
        GateResult strict = gate().evaluate(noisy, failing, () -> noisy);
        assertThat(strict.failed()).isTrue();
        assertThat(strict.failureMessage()).contains("straddles critical threshold 15%");
    }

    @Test
    void aReMeasureThatSettlesTheQuestionReplacesTheResult() {
        gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1)), BaselineSettings.defaults(), null);
        TestResult quiet = result(CLASS, "matmul", time(10e6, 0.01, 5));
        GateResult settled = gate().evaluate(result(CLASS, "matmul", time(11.5e6, 0.3, 2)),
                BaselineSettings.defaults(), () -> quiet);
        assertThat(settled.result()).isSameAs(quiet);
        assertThat(settled.comparisons().get(0).level()).isEqualTo(Level.STABLE);
    }
}
