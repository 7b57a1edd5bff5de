package org.perfjunit.report;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ChangePointDetectorTests {

    @Test
    void findsAStepInANoisySeries() {
        double[] series = series(new Random(1), 60, 40, 1.25, 0.02);
        assertThat(ChangePointDetector.defaults().detect(series)).containsExactly(40);
    }

    @Test
    void findsTwoStepsAndIgnoresNoise() {
        Random random = new Random(2);
        double[] series = new double[90];
        for (int i = 0; i < series.length; i++) {
            double level = i < 30 ? 100 : i < 60 ? 140 : 110;
            series[i] = level * (1 + 0.02 * random.nextGaussian());
        }
        assertThat(ChangePointDetector.defaults().detect(series)).containsExactly(30, 60);
        assertThat(ChangePointDetector.defaults().detect(series(new Random(3), 200, 0, 1, 0.05))).isEmpty();
    }

    @Test
    void ignoresStatisticallyRealButTinySteps() {
        double[] series = series(new Random(4), 80, 40, 1.02, 0.001);
        assertThat(ChangePointDetector.defaults().detect(series)).isEmpty();
        assertThat(ChangePointDetector.defaults().detect(new double[] {1, 2, 3})).isEmpty();
    }

    private static double[] series(Random random, int n, int stepAt, double factor, double noise) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = 100 * (i >= stepAt ? factor : 1) * (1 + noise * random.nextGaussian());
        }
        return s;
    }
}
