package org.perfjunit.baseline;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.CpuIdentity;
import org.perfjunit.model.Environment;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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
        return new BaselineGate(store(), ENVIRONMENT, new BaselineComparator(300));
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
                Map.of(), 0.95, false, 200, "", null);
        GateResult missing = gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1)), energy, null);
        assertThat(missing.failed()).isTrue();
        assertThat(missing.failureMessage()).startsWith("metric [energy] is configured for baseline comparison but "
                + "the test did not report it (reported: [time])");
    }

    @Test
    void aSuiteWideMetricListSkipsMetricsATestDoesNotReport() {
        BaselineSettings suiteWide = new BaselineSettings(BaselineMode.COMPARE, List.of("time", "energy"), Statistic.MEDIAN,
                Map.of(), 0.95, false, 200, "", null, false);
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
    void aPairedVerdictIsDecidedOnceItsIntervalClearsTheCriticalThresholdAndNamesItsPairs() {
        double[] reference = SyntheticResults.samples(1e6, 0.01, 60, 1);
        double[] slower = SyntheticResults.samples(1.3e6, 0.01, 60, 2);
        double[] sameWithin = SyntheticResults.samples(1.15e6, 0.2, 60, 3);
        GateResult clear = gate().evaluatePaired(result(CLASS, "optimized", time(1.3e6, 0.01, 3)), "time",
                reference, slower, BaselineSettings.defaults(), "referenceKernel()");
        GateResult straddling = gate().evaluatePaired(result(CLASS, "optimized", time(1.15e6, 0.2, 3)), "time",
                reference, sameWithin, BaselineSettings.defaults(), "referenceKernel()");
        assertThat(clear.decided()).isTrue();
        assertThat(clear.comparisons().get(0).message()).endsWith(", 60 pairs)");
        assertThat(straddling.comparisons().get(0).level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(straddling.decided()).isFalse();
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
                0.95, true, 200, "", null);
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

    private static final Environment ZEN2 = new Environment("Linux", "6.1", "amd64", "Test CPU 3000", 2, 17,
            "Vendor", "17.0.1", "G1 Young Generation,G1 Old Generation", 1L << 30, "abc123", "host",
            new CpuIdentity("AuthenticAMD", 23, 49, 0, 512L << 10, 16L << 20, true));

    private GateResult runOn(Environment environment, BaselineMode mode, double nanos, long seed) {
        return new BaselineGate(store(), environment, new BaselineComparator(300))
                .evaluate(result(CLASS, "matmul", time(nanos, 0.01, seed)), BaselineSettings.defaults().withMode(mode), null);
    }

    @Test
    @DisplayName("a baseline from another processor generation is shown with its ratio and never judged")
    void aBaselineFromAnotherMachineIsInformationNotAVerdict() throws Exception {
        runOn(ZEN2, BaselineMode.COMPARE, 10e6, 1);
        Path zen2File = store().fileFor(EnvironmentKey.of(ZEN2), CLASS);
        byte[] before = Files.readAllBytes(zen2File);

        GateResult twiceAsSlow = runOn(ENVIRONMENT, BaselineMode.COMPARE, 20e6, 2);

        assertThat(twiceAsSlow.failed()).isFalse();
        assertThat(twiceAsSlow.comparisons()).extracting(Comparison::level).containsExactly(Level.OTHER_MACHINE);
        assertThat(twiceAsSlow.comparisons().get(0).ratio()).isCloseTo(2.0, within(0.05));
        assertThat(twiceAsSlow.note())
                .startsWith("baseline from another machine [" + EnvironmentKey.of(ZEN2) + "] (CPU family 23 vs 26, ")
                .contains("median now/then: time 2.0", "not judged", "this machine's baseline is recorded in [");
        assertThat(Files.readAllBytes(zen2File)).as("the other machine's file").isEqualTo(before);
        assertThat(store().find(KEY, CLASS, CLASS + "#matmul()")).as("this machine's baseline").isPresent();
        assertThat(runOn(ENVIRONMENT, BaselineMode.COMPARE, 40e6, 3).failed())
                .as("once this machine has its own baseline, it is judged").isTrue();
    }

    @Test
    void anEntryOfAnotherSignatureInThisFolderIsKeptUnlessTheUserAsksToReplaceIt() throws Exception {
        Environment biggerHeap = new Environment("Linux", "6.1", "amd64", "Test CPU 3000", 2, 17, "Vendor", "17.0.1",
                "G1 Young Generation,G1 Old Generation", 4L << 30, "abc123", "host", ENVIRONMENT.cpu());
        runOn(biggerHeap, BaselineMode.COMPARE, 10e6, 1);
        byte[] before = Files.readAllBytes(store().fileFor(KEY, CLASS));

        GateResult compared = runOn(ENVIRONMENT, BaselineMode.COMPARE, 30e6, 2);
        assertThat(compared.failed()).isFalse();
        assertThat(compared.note()).contains("max heap 4 GiB vs 1 GiB", "it shares this machine's folder and was kept",
                "-Dperf.junit.baseline.mode=update");
        assertThat(Files.readAllBytes(store().fileFor(KEY, CLASS))).isEqualTo(before);

        runOn(ENVIRONMENT, BaselineMode.UPDATE, 30e6, 3);
        assertThat(store().find(KEY, CLASS, CLASS + "#matmul()").orElseThrow().environment().maxHeapBytes())
                .isEqualTo(1L << 30);
    }

    @Test
    void strictModeFailsWhenOnlyAnotherMachineHasABaseline() {
        runOn(ZEN2, BaselineMode.COMPARE, 10e6, 1);
        GateResult strict = runOn(ENVIRONMENT, BaselineMode.STRICT, 10e6, 2);
        assertThat(strict.failed()).isTrue();
        assertThat(strict.failureMessage()).contains("needs one from this machine", "CPU family 23 vs 26",
                "record this machine's: mvn test -Dperf.junit.baseline.mode=update");
    }

    @Test
    void aFileFromBeforeSignaturesStillLoadsAndIsNotJudged() throws Exception {
        Path old = dir.resolve("linux-amd64-test-cpu-3000-2c-jdk17").resolve(CLASS + ".json");
        Files.createDirectories(old.getParent());
        Files.writeString(old, """
                {
                  "entries" : {
                    "com.example.KernelTests#matmul()" : {
                      "calibrationNanos" : 1.5E8,
                      "displayName" : "matmul()",
                      "environment" : {
                        "arch" : "amd64", "cpuModel" : "Test CPU 3000", "gc" : "G1 Young Generation,G1 Old Generation",
                        "gitCommit" : null, "hostname" : "h", "jvmMajor" : 17, "jvmVendor" : "Vendor",
                        "jvmVersion" : "17.0.1", "logicalCores" : 2, "maxHeapBytes" : 1073741824, "os" : "Linux",
                        "osVersion" : "6.1"
                      },
                      "gitCommit" : null,
                      "id" : "com.example.KernelTests#matmul()",
                      "metrics" : {
                        "time" : { "direction" : "LOWER_IS_BETTER", "name" : "time", "samples" : null,
                                   "summary" : null, "unit" : "ns", "value" : 1.0E7 }
                      },
                      "recorded" : "2026-11-20T10:00:00Z"
                    }
                  },
                  "environmentKey" : "linux-amd64-test-cpu-3000-2c-jdk17",
                  "schemaVersion" : 1,
                  "testClass" : "com.example.KernelTests"
                }
                """);
        GateResult result = runOn(ENVIRONMENT, BaselineMode.COMPARE, 30e6, 2);
        assertThat(result.failed()).isFalse();
        assertThat(result.comparisons()).extracting(Comparison::level).containsExactly(Level.OTHER_MACHINE);
        assertThat(result.note()).contains("recorded without a CPU signature");
    }

    @Test
    void throughputIsNotJudgedAgainWhenTimeIsCompared() {
        Metric slowTime = time(10e6, 0.01, 1);
        Metric rate = SyntheticResults.sampled("throughput", "ops/s", Direction.HIGHER_IS_BETTER,
                SyntheticResults.samples(100, 0.01, 20, 1));
        gate().evaluate(result(CLASS, "matmul", slowTime, rate), BaselineSettings.defaults(), null);
        Metric halfTheRate = SyntheticResults.sampled("throughput", "ops/s", Direction.HIGHER_IS_BETTER,
                SyntheticResults.samples(50, 0.01, 20, 2));
        GateResult judged = gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 3), halfTheRate),
                BaselineSettings.defaults(), null);
        assertThat(judged.comparisons()).extracting(Comparison::metric).containsExactly("time");
        assertThat(judged.failed()).isFalse();
        BaselineSettings throughputOnly = new BaselineSettings(BaselineMode.COMPARE, List.of("throughput"),
                Statistic.MEDIAN, Map.of(), 0.95, false, 200, "", null);
        assertThat(gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 3), halfTheRate), throughputOnly, null)
                .failed()).as("throughput compared on its own").isTrue();
    }

    /** Fresh JVMs that read the test at {@code nanos} each, counting how often they were asked for. */
    private static BaselineGate.FreshJvms jvmsReading(AtomicInteger asked, double... nanos) {
        return (count, verdict) -> {
            asked.incrementAndGet();
            assertThat(count).isEqualTo(nanos.length);
            assertThat(verdict).startsWith("median time [").contains("critical threshold 15%");
            return java.util.stream.IntStream.range(0, count)
                    .mapToObj(i -> result(CLASS, "matmul", time(nanos[i], 0.01, 10 + i))).toList();
        };
    }

    private GateResult confirmed(double nanos, BaselineSettings settings, BaselineGate.FreshJvms jvms) {
        return gate().evaluate(result(CLASS, "matmul", time(nanos, 0.01, 2)), settings, null, jvms, Runnable::run);
    }

    @Test
    void aFailingVerdictThatEvenTheFastestFreshJvmReadsStillFails() {
        run(BaselineMode.COMPARE, 10e6, 1);
        String recorded = storedFile();
        AtomicInteger asked = new AtomicInteger();
        GateResult slow = confirmed(14.5e6, BaselineSettings.defaults(), jvmsReading(asked, 14.4e6, 14.6e6, 14.5e6));
        assertThat(asked).hasValue(1);
        assertThat(slow.failed()).isTrue();
        assertThat(slow.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(Level.CRITICAL);
            assertThat(c.ratio()).isCloseTo(1.45, within(0.01));
        });
        assertThat(slow.failureMessage()).startsWith("median time [14.").contains("(critical threshold 15%, p<0.001")
                .contains("; confirmed in 3 fresh JVMs: 4 JVMs read +45.").contains("the fastest beyond 15% too. If");
        assertThat(storedFile()).isEqualTo(recorded);
    }

    @Test
    void aFailingVerdictTheFastestFreshJvmContradictsIsInconclusiveAndPasses() {
        run(BaselineMode.COMPARE, 10e6, 1);
        String recorded = storedFile();
        AtomicInteger asked = new AtomicInteger();
        GateResult verdict = confirmed(14.5e6, BaselineSettings.defaults(), jvmsReading(asked, 10.1e6, 9.9e6, 10.2e6));
        assertThat(verdict.failed()).isFalse();
        assertThat(verdict.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(Level.INCONCLUSIVE);
            assertThat(c.message()).contains("; not confirmed in 3 fresh JVMs: 4 JVMs read +45.")
                    .endsWith(", within 15%: fresh JVMs of the same code differ by more than the threshold (the vCPU "
                            + "and what shared its core, JIT compilation, heap growth)");
        });
        assertThat(storedFile()).as("compare mode keeps an existing baseline").isEqualTo(recorded);
        BaselineSettings failOnInconclusive = new BaselineSettings(BaselineMode.COMPARE, List.of(), Statistic.MEDIAN,
                Map.of(), 0.95, true, 200, "", null);
        assertThat(confirmed(14.5e6, failOnInconclusive, jvmsReading(asked, 10.1e6, 9.9e6, 10.2e6)).failed())
                .as("fail.on.inconclusive").isTrue();
    }

    @Test
    void noFreshJvmsAreStartedWhenNothingFailsWhenSwitchedOffOrInModeUpdate() {
        run(BaselineMode.COMPARE, 10e6, 1);
        AtomicInteger asked = new AtomicInteger();
        BaselineGate.FreshJvms jvms = jvmsReading(asked, 10e6, 10e6, 10e6);
        assertThat(confirmed(10.1e6, BaselineSettings.defaults(), jvms).failed()).isFalse();
        BaselineSettings off = new BaselineSettings(BaselineMode.COMPARE, List.of(), Statistic.MEDIAN, Map.of(), 0.95,
                false, 200, "", null, true, Double.NaN, Map.of(), 0);
        assertThat(confirmed(14.5e6, off, jvms).failureMessage()).startsWith("median time [");
        BaselineSettings failOnInconclusive = new BaselineSettings(BaselineMode.COMPARE, List.of(), Statistic.MEDIAN,
                Map.of(), 0.95, true, 200, "", null);
        GateResult undecided = confirmed(11.5e6, failOnInconclusive, jvms);
        assertThat(undecided.comparisons()).extracting(Comparison::level).containsExactly(Level.INCONCLUSIVE);
        assertThat(undecided.failed()).as("fail.on.inconclusive asked to fail when undecided").isTrue();
        assertThat(confirmed(14.5e6, BaselineSettings.defaults().withMode(BaselineMode.UPDATE), jvms).failed())
                .isFalse();
        assertThat(asked).as("fresh JVMs asked for").hasValue(0);
    }

    @Test
    void aFailingAllocationIsNotConfirmedInFreshJvms() {
        Metric bytes = Metric.single("allocated", "B/op", Direction.LOWER_IS_BETTER, 1024);
        gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 1), bytes), BaselineSettings.defaults(), null);
        AtomicInteger asked = new AtomicInteger();
        GateResult more = gate().evaluate(result(CLASS, "matmul", time(10e6, 0.01, 2),
                        Metric.single("allocated", "B/op", Direction.LOWER_IS_BETTER, 4096)), BaselineSettings.defaults(),
                null, jvmsReading(asked, 10e6, 10e6, 10e6), Runnable::run);
        assertThat(more.failed()).isTrue();
        assertThat(asked).as("other JVMs allocate the same").hasValue(0);
    }

    @Test
    void freshJvmsThatCannotMeasureLeaveTheVerdictStandingAndSaySo() {
        run(BaselineMode.COMPARE, 10e6, 1);
        GateResult slow = confirmed(14.5e6, BaselineSettings.defaults(), (count, verdict) -> {
            throw new IllegalStateException("Forked JVM (pid 42) for [kernel] did not finish within [PT5M]; it was "
                    + "killed. Raise perf.junit.fork.timeout or shorten the measurement.");
        });
        assertThat(slow.failed()).isTrue();
        assertThat(slow.failureMessage()).startsWith("median time [").contains("); fresh JVMs could not confirm it: Forked "
                + "JVM (pid 42) for [kernel] did not finish within [PT5M]; it was killed. Raise perf.junit.fork.timeout "
                + "or shorten the measurement. If intended, accept it: mvn test");
    }

    private String storedFile() {
        try {
            return Files.readString(store().fileFor(KEY, CLASS));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
