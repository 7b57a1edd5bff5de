package org.perfjunit.stats;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Statistic;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockBootstrapTests {

    private static double[] noisy(double center, int n, long seed) {
        Random r = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = center * (1 + 0.03 * r.nextGaussian());
        }
        return out;
    }

    @Test
    void theIntervalOfTheRatioCoversTheTrueRatioAndIsReproducible() {
        double[] base = noisy(100, 80, 1);
        double[] cur = noisy(110, 80, 2);
        BootstrapInterval ci = new BlockBootstrap(1000, 9).ratio(base, cur, Statistic.MEDIAN, 0.95);
        assertThat(ci.ratioLow()).isLessThan(1.10);
        assertThat(ci.ratioHigh()).isGreaterThan(1.10);
        assertThat(ci.ratioHigh() - ci.ratioLow()).isLessThan(0.05);
        assertThat(ci.blockLength()).isEqualTo(5);
        assertThat(ci.differenceLow()).isLessThan(ci.difference()).isPositive();
        assertThat(new BlockBootstrap(1000, 9).ratio(base, cur, Statistic.MEDIAN, 0.95)).isEqualTo(ci);
    }

    @Test
    void autocorrelatedSamplesGetAWiderIntervalThanIndependentOnes() {
        double[] drifting = new double[64];
        for (int i = 0; i < 64; i++) {
            drifting[i] = 100 + (i / 16) * 4; // four plateaus, strongly autocorrelated
        }
        double[] shuffled = drifting.clone();
        java.util.Collections.shuffle(java.util.Arrays.asList(box(shuffled)), new Random(3));
        BootstrapInterval blocky = new BlockBootstrap(1000, 1).ratio(drifting, drifting, Statistic.MEAN, 0.95);
        assertThat(blocky.ratioHigh()).isGreaterThan(1.0);
        assertThat(blocky.ratioLow()).isLessThan(1.0);
    }

    private static Double[] box(double[] values) {
        Double[] out = new Double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    @Test
    void pairedSamplesMustMatchAndBePositive() {
        BlockBootstrap bootstrap = new BlockBootstrap(200, 1);
        assertThatThrownBy(() -> bootstrap.pairedRatio(new double[] {1, 2}, new double[] {1}, 0.95))
                .hasMessageContaining("equal, non-zero lengths");
        assertThatThrownBy(() -> bootstrap.pairedRatio(new double[] {1, 0}, new double[] {1, 1}, 0.95))
                .hasMessageContaining("must be positive");
    }

    @Test
    void rankTestsGiveSignedEffectSizes() {
        double[] base = noisy(100, 40, 1);
        RankTestResult slower = RankSumTests.mannWhitney(base, noisy(120, 40, 2));
        assertThat(slower.pValue()).isLessThan(0.001);
        assertThat(slower.effectSize()).isGreaterThan(0.9);
        assertThat(RankSumTests.mannWhitney(base, noisy(80, 40, 3)).effectSize()).isLessThan(-0.9);
        assertThat(RankSumTests.mannWhitney(new double[] {1, 1, 1}, new double[] {1, 1, 1})).isEqualTo(new RankTestResult(1, 0));
        RankTestResult paired = RankSumTests.wilcoxonSignedRank(base, base.clone());
        assertThat(paired).isEqualTo(new RankTestResult(1, 0));
        assertThat(RankSumTests.wilcoxonSignedRank(noisy(100, 15, 4), noisy(150, 15, 5)).effectSize()).isEqualTo(1.0);
    }
}
