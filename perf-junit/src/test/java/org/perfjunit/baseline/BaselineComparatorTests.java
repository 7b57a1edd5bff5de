package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;

import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.perfjunit.baseline.SyntheticResults.sampled;
import static org.perfjunit.baseline.SyntheticResults.samples;
import static org.perfjunit.baseline.SyntheticResults.time;

class BaselineComparatorTests {

    private final BaselineComparator comparator = new BaselineComparator(500);
    private final BaselineSettings defaults = BaselineSettings.defaults();

    private Comparison compareTime(double change, double noise) {
        return comparator.compare(time(10e6, noise, 1), time(10e6 * (1 + change), noise, 2), defaults, 1);
    }

    @Test
    void aThirtyPercentSlowdownIsCriticalWithAnActionableMessage() {
        Comparison c = compareTime(0.30, 0.02);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.ratioCiLow()).isGreaterThan(1.15);
        assertThat(c.pValue()).isLessThan(0.001);
        assertThat(c.effectSize()).isGreaterThan(0.9);
        assertThat(c.message()).matches("median time \\[1[0-9.]+ ms\\] is \\+3[0-9.]+% \\[\\+[0-9.]+%, \\+[0-9.]+%\\] "
                + "over baseline \\[[0-9.]+ ms\\] \\(critical threshold 15%, p<0.001, effect 1.00\\)");
    }

    @Test
    void aTenPercentSlowdownIsAWarning() {
        assertThat(compareTime(0.10, 0.01).level()).isEqualTo(Level.WARNING);
    }

    @Test
    void noChangeIsStable() {
        Comparison c = compareTime(0.0, 0.02);
        assertThat(c.level()).isEqualTo(Level.STABLE);
        assertThat(c.ratioCiLow()).isLessThan(1.0).isGreaterThan(0.97);
        assertThat(c.ratioCiHigh()).isGreaterThan(1.0).isLessThan(1.03);
    }

    @Test
    void aTwentyPercentSpeedUpIsAnImprovement() {
        assertThat(compareTime(-0.20, 0.02).level()).isEqualTo(Level.IMPROVEMENT);
    }

    @Test
    void anIntervalStraddlingTheCriticalThresholdIsInconclusiveAndSaysHowNoisy() {
        Comparison c = compareTime(0.15, 0.25);
        assertThat(c.level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(c.message()).contains("straddles critical threshold 15%").contains("coefficient of variation");
    }

    @Test
    void throughputRegressesWhenItDrops() {
        Metric base = sampled("throughput", "ops/s", Direction.HIGHER_IS_BETTER, samples(1000, 0.02, 60, 3));
        Metric slower = sampled("throughput", "ops/s", Direction.HIGHER_IS_BETTER, samples(700, 0.02, 60, 4));
        Metric faster = sampled("throughput", "ops/s", Direction.HIGHER_IS_BETTER, samples(1300, 0.02, 60, 5));
        Comparison drop = comparator.compare(base, slower, defaults, 1);
        assertThat(drop.level()).isEqualTo(Level.CRITICAL);
        assertThat(drop.message()).contains("] under baseline [996.1 ops/s] (critical threshold 15%, p<0.001, effect -1.00)");
        assertThat(comparator.compare(base, faster, defaults, 1).level()).isEqualTo(Level.IMPROVEMENT);
    }

    @Test
    void accuracyIsComparedInAbsolutePointsByThresholdAloneWhenSingleValued() {
        Metric base = Metric.single("accuracy", "", Direction.HIGHER_IS_BETTER, 0.990);
        Comparison critical = comparator.compare(base, Metric.single("accuracy", "", Direction.HIGHER_IS_BETTER, 0.975),
                defaults, 1);
        Comparison warning = comparator.compare(base, Metric.single("accuracy", "", Direction.HIGHER_IS_BETTER, 0.983),
                defaults, 1);
        Comparison stable = comparator.compare(base, Metric.single("accuracy", "", Direction.HIGHER_IS_BETTER, 0.992),
                defaults, 1);
        assertThat(critical.level()).isEqualTo(Level.CRITICAL);
        assertThat(critical.message()).isEqualTo("accuracy [0.975] is -1.50 pt under baseline [0.99] (critical "
                + "threshold 1 pt; single value without samples, compared by threshold alone)");
        assertThat(warning.level()).isEqualTo(Level.WARNING);
        assertThat(stable.level()).isEqualTo(Level.STABLE);
    }

    @Test
    void accuracyInPercentUsesOnePercentagePoint() {
        Metric base = Metric.single("accuracy", "%", Direction.HIGHER_IS_BETTER, 99.0);
        assertThat(comparator.compare(base, Metric.single("accuracy", "%", Direction.HIGHER_IS_BETTER, 97.9),
                defaults, 1).level()).isEqualTo(Level.CRITICAL);
        assertThat(comparator.compare(base, Metric.single("accuracy", "%", Direction.HIGHER_IS_BETTER, 98.7),
                defaults, 1).level()).isEqualTo(Level.STABLE);
    }

    @Test
    void configuredThresholdsReplaceTheDefaults() {
        BaselineSettings strict = new BaselineSettings(BaselineMode.COMPARE, java.util.List.of(),
                org.perfjunit.model.Statistic.MEDIAN, Map.of("time", Threshold.relative(0.02, 0.05)), 0.95, false,
                200, "", null);
        assertThat(comparator.compare(time(10e6, 0.01, 1), time(10.8e6, 0.01, 2), strict, 1).level())
                .isEqualTo(Level.CRITICAL);
    }

    @Test
    void aZeroBaselineIsReportedWithoutARatio() {
        Metric zero = sampled("allocated", "B", Direction.LOWER_IS_BETTER, new double[] {0, 0, 0, 0, 0, 0});
        Metric some = sampled("allocated", "B", Direction.LOWER_IS_BETTER, new double[] {24, 24, 24, 24, 24, 24});
        Comparison c = comparator.compare(zero, some, defaults, 1);
        assertThat(c.level()).isEqualTo(Level.WARNING);
        assertThat(c.ratio()).isNull();
        assertThat(c.message()).contains("relative change is undefined");
    }

    @Test
    void theSameSamplesGiveTheSameIntervalEveryTime() {
        Comparison first = compareTime(0.05, 0.03);
        Comparison second = compareTime(0.05, 0.03);
        assertThat(first).isEqualTo(second);
    }

    @Test
    void pairedSamplesSeeASmallDifferenceThroughSharedDrift() {
        double[] reference = new double[40];
        double[] candidate = new double[40];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 40; i++) {
            double drift = 1 + 0.3 * Math.sin(i / 3.0) + 0.01 * random.nextGaussian(); // large shared drift
            reference[i] = 1e6 * drift;
            candidate[i] = 1.2e6 * drift * (1 + 0.005 * random.nextGaussian());
        }
        Comparison c = comparator.comparePaired("time", "ns", Direction.LOWER_IS_BETTER, reference, candidate,
                defaults, 1);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.ratio()).isCloseTo(1.2, offset(0.01));
        assertThat(c.message()).startsWith("paired median time");
        assertThat(comparator.comparePaired("time", "ns", Direction.LOWER_IS_BETTER, reference, reference.clone(),
                defaults, 1).level()).isEqualTo(Level.STABLE);
    }

    private static Comparison pairing(double ratio) {
        return new Comparison("time", "paired median", Level.STABLE, 172_500.0, 172_500 * ratio, ratio, ratio, ratio,
                0.5, 0.0, "");
    }

    private Comparison acrossPairings(double... ratios) {
        return comparator.compareAcrossPairings("time", "ns", Direction.LOWER_IS_BETTER,
                Arrays.stream(ratios).mapToObj(BaselineComparatorTests::pairing).toList(), defaults.forRevision());
    }

    @Test
    void pairingsOfFreshCopiesThatAgreeOnASlowdownAreCritical() {
        Comparison c = acrossPairings(1.049, 1.047, 1.048, 1.049);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.ratio()).isCloseTo(1.04825, offset(1e-4));
        assertThat(c.ratioCiLow()).isBetween(1.045, 1.048);
        assertThat(c.ratioCiHigh()).isBetween(1.0485, 1.051);
        assertThat(c.message()).isEqualTo("paired median time [180.9 µs] is +4.8% [+4.7%, +5.0%] over baseline "
                + "[172.5 µs] (critical threshold 3%, p<0.001; 4 pairings of fresh copies read +4.9%, +4.7%, +4.8%, +4.9%)");
        assertThat(acrossPairings(2, 2, 2, 2)).satisfies(exact -> {
            assertThat(exact.level()).isEqualTo(Level.CRITICAL);
            assertThat(exact.ratioCiLow()).isEqualTo(exact.ratioCiHigh()).isCloseTo(2.0, offset(1e-12));
        });
    }

    @Test
    void pairingsOfFreshCopiesThatDisagreeAreInconclusiveAndSaySo() {
        Comparison c = acrossPairings(2.0, 1.0, 1.0, 1.0);
        assertThat(c.level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(c.ratioCiLow()).isLessThan(1.0);
        assertThat(c.ratioCiHigh()).isGreaterThan(1.5);
        assertThat(c.message()).contains("(interval straddles critical threshold 3%, p=0.391; 4 pairings of fresh "
                + "copies read +100.0%, +0.0%, +0.0%, +0.0%: copies of the same code differ by more than the threshold, "
                + "as the JIT happened to compile them)");
        assertThat(acrossPairings(1.188, 1.166, 0.98, 1.02).level()).as("the spiking inference's copies")
                .isEqualTo(Level.INCONCLUSIVE);
    }

    @Test
    void pairingsOfFreshCopiesOfUnchangedCodeAreStable() {
        assertThat(acrossPairings(1.002, 0.998, 1.001, 0.999).level()).isEqualTo(Level.STABLE);
        assertThatThrownBy(() -> acrossPairings(1.05))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two pairings");
    }

    /** One JVM's comparison with the stored baseline of 1.956 ms: {@code ratio} with an interval 2% either side. */
    private static Comparison jvm(double ratio) {
        Level level = ratio * 0.98 > 1.15 ? Level.CRITICAL : ratio * 1.02 < 1.15 ? Level.STABLE : Level.INCONCLUSIVE;
        return new Comparison("time", "median", level, 1_956_000.0, 1_956_000 * ratio, ratio, ratio * 0.98,
                ratio * 1.02, 0.0001, 0.9, "median time [...] is ... (critical threshold 15%, p<0.001, effect 0.90)");
    }

    private Comparison confirmed(double here, double... fresh) {
        return BaselineComparator.confirmInFreshJvms(jvm(here),
                Arrays.stream(fresh).mapToObj(BaselineComparatorTests::jvm).toList(), Direction.LOWER_IS_BETTER, defaults);
    }

    @Test
    void aSlowdownEvenTheFastestFreshJvmReadsStaysCritical() {
        // a slowdown every JVM reads, one fresh JVM also in the host's slow mode (as in the checksum+sieve trial)
        Comparison c = confirmed(1.290, 1.674, 1.269, 1.164);
        assertThat(c.level()).isEqualTo(Level.CRITICAL);
        assertThat(c.ratio()).as("this JVM's figures").isEqualTo(1.290);
        assertThat(c.message()).isEqualTo("median time [...] is ... (critical threshold 15%, p<0.001, effect 0.90); "
                + "confirmed in 3 fresh JVMs: 4 JVMs read +29.0%, +67.4%, +26.9%, +16.4%, the fastest beyond 15% too");
    }

    @Test
    void aSlowdownTheFastestFreshJvmDoesNotReadIsInconclusiveAndSaysSo() {
        // unchanged code: this JVM in the host's slow mode, the fresh ones not
        Comparison c = confirmed(1.651, 1.010, 0.958, 0.988);
        assertThat(c.level()).isEqualTo(Level.INCONCLUSIVE);
        assertThat(c.currentValue()).isEqualTo(1_956_000 * 1.651);
        assertThat(c.message()).endsWith("; not confirmed in 3 fresh JVMs: 4 JVMs read +65.1%, +1.0%, -4.2%, -1.2%, "
                + "the fastest at -4.2%, within 15%: fresh JVMs of the same code differ by more than the threshold (the "
                + "vCPU and what shared its core, JIT compilation, heap growth)");
        assertThat(confirmed(1.40, 1.45, 1.149, 1.50).level()).as("the fastest just within").isEqualTo(Level.INCONCLUSIVE);
        assertThat(confirmed(1.40, 1.16).level()).as("one fresh JVM is enough to ask").isEqualTo(Level.CRITICAL);
        assertThatThrownBy(() -> confirmed(1.40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one fresh JVM");
    }

    @Test
    void newMetricsAreRecordedNotCompared() {
        Comparison c = BaselineComparator.recordedAsNew(time(2e6, 0.01, 1), org.perfjunit.model.Statistic.MEDIAN);
        assertThat(c.level()).isEqualTo(Level.NEW);
        assertThat(c.baselineValue()).isNull();
        assertThat(c.message()).startsWith("median time [1.99").endsWith("has no baseline yet; recorded as the new baseline");
    }
}
