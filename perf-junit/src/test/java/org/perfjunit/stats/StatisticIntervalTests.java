package org.perfjunit.stats;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Statistic;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticIntervalTests {

    private static double[] values(int n) {
        return IntStream.rangeClosed(1, n).asDoubleStream().toArray();
    }

    @Test
    void theSampleCountForABoundedIntervalIsTheFirstCountWhoseIntervalIsBounded() {
        for (Statistic s : new Statistic[] {Statistic.MEDIAN, Statistic.P90, Statistic.P95, Statistic.P99}) {
            int n = StatisticInterval.samplesForBoundedInterval(s, 0.95);
            assertThat(StatisticInterval.of(s, values(n), 0.95).high()).as("%s with %d samples", s, n).isFinite();
            assertThat(StatisticInterval.of(s, values(n - 1), 0.95).high()).as("%s with %d samples", s, n - 1)
                    .isInfinite();
        }
        assertThat(StatisticInterval.samplesForBoundedInterval(Statistic.P95, 0.95)).isEqualTo(72);
        assertThat(StatisticInterval.samplesForBoundedInterval(Statistic.P99, 0.95)).isEqualTo(368);
        assertThat(StatisticInterval.samplesForBoundedInterval(Statistic.MAX, 0.95)).isZero();
    }
}
