package org.perfjunit.stats;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Statistic;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("NoiseGate")
class NoiseGateTests {

    private static double[] stable(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1000 * (1 + 0.01 * random.nextGaussian());
        }
        return x;
    }

    @Test
    void tightStationarySamplesAreStable() {
        NoiseAssessment a = NoiseGate.assess(stable(40, 1), NoiseThresholds.defaults());
        assertThat(a.noisy()).isFalse();
        assertThat(a.describe()).startsWith("stable: CV 1.").endsWith("over [40] samples");
    }

    @Test
    void aWideSpreadIsTooVariableAndImprecise() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = 1000 * (1 + i % 4);
        }
        NoiseAssessment a = NoiseGate.assess(x, NoiseThresholds.defaults());
        assertThat(a.tooVariable()).isTrue();
        assertThat(a.tooImprecise()).isTrue();
        assertThat(a.drifting()).isFalse();
        assertThat(a.describe()).isEqualTo(
                "too noisy to judge: CV 45% (limit 25%), median CI ±20% (limit ±5%) over [40] samples");
    }

    @Test
    void aSteadyRiseIsDriftEvenWhenEachSampleIsTight() {
        double[] x = stable(40, 2);
        for (int i = 0; i < x.length; i++) {
            x[i] *= 1 + 0.005 * i;
        }
        NoiseAssessment a = NoiseGate.assess(x, NoiseThresholds.defaults());
        assertThat(a.drifting()).isTrue();
        assertThat(a.driftPValue()).isLessThan(0.001);
        assertThat(a.relativeDrift()).isCloseTo(0.18, within(0.03));
        assertThat(a.describe()).contains("drift p=<0.001 (+18% over the run)");
    }

    @Test
    void aTinySignificantTrendIsNotDrift() {
        double[] x = stable(400, 3);
        for (int i = 0; i < x.length; i++) {
            x[i] += 0.05 * i;
        }
        NoiseAssessment a = NoiseGate.assess(x, NoiseThresholds.defaults());
        assertThat(a.driftPValue()).isLessThan(0.01);
        assertThat(a.drifting()).as("2% over the run is below the 5% minimum").isFalse();
    }

    @Test
    void mannKendallMatchesAHandComputedValue() {
        // S = 8 for this series (10 concordant pairs minus 2 discordant), n = 5 -> var = 50/18*... = 16.67
        double[] x = {1, 3, 2, 4, 5};
        double z = (8 - 1) / Math.sqrt(5 * 4 * 15 / 18.0);
        double expected = 2 * (1 - new org.apache.commons.math3.distribution.NormalDistribution().cumulativeProbability(z));
        assertThat(NoiseGate.mannKendallPValue(x)).isCloseTo(expected, within(1e-12));
        assertThat(NoiseGate.mannKendallPValue(new double[] {2, 2, 2, 2})).isEqualTo(1.0);
    }

    @Test
    void tooFewSamplesSkipTheDriftTest() {
        NoiseAssessment a = NoiseGate.assess(new double[] {1, 2, 3, 4, 5}, NoiseThresholds.defaults());
        assertThat(a.driftPValue()).isEqualTo(1.0);
    }

    @Test
    void quantileIntervalsAreUnboundedWhereTheDataCannotReach() {
        double[] x = new double[20];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        StatisticInterval median = StatisticInterval.of(Statistic.MEDIAN, x, 0.95);
        assertThat(median.low()).isEqualTo(6);
        assertThat(median.high()).isEqualTo(15);
        StatisticInterval p99 = StatisticInterval.of(Statistic.P99, x, 0.95);
        assertThat(p99.high()).isInfinite();
        assertThat(StatisticInterval.of(Statistic.MAX, x, 0.95).low()).isEqualTo(20);
        StatisticInterval mean = StatisticInterval.of(Statistic.MEAN, x, 0.95);
        assertThat(mean.low()).isCloseTo(7.73, within(0.01));
        assertThat(mean.high()).isCloseTo(13.27, within(0.01));
    }
}
