package org.perfjunit.stats;

import org.perfjunit.model.Summary;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Statistic;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@DisplayName("SummaryCalculator")
class SummaryCalculatorTests {

    @Test
    @DisplayName("percentiles follow the R-7 estimator used by NumPy and R")
    void percentiles() {
        double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        Summary s = SummaryCalculator.summarize(values);
        assertThat(s.median()).isEqualTo(50.5);
        assertThat(s.p90()).isCloseTo(90.1, within(1e-9));
        assertThat(s.p95()).isCloseTo(95.05, within(1e-9));
        assertThat(s.p99()).isCloseTo(99.01, within(1e-9));
        assertThat(s.mean()).isEqualTo(50.5);
        assertThat(s.standardDeviation()).isCloseTo(29.011491975882016, within(1e-12));
        assertThat(s.get(Statistic.MAX)).isEqualTo(100);
    }

    @Test
    @DisplayName("the median interval is the distribution-free order-statistic interval")
    void medianInterval() {
        double[] values = IntStream.rangeClosed(1, 100).asDoubleStream().toArray();
        Summary s = SummaryCalculator.summarize(values);
        // n=100, 95%: ranks 40 and 61 (1-based), as tabulated for the sign-test interval
        assertThat(s.medianCiLow()).isEqualTo(40);
        assertThat(s.medianCiHigh()).isEqualTo(61);
    }

    @Test
    @DisplayName("Tukey fences count low and high outliers")
    void outliers() {
        double[] values = {10, 11, 10, 12, 11, 10, 11, 100, 1};
        Summary s = SummaryCalculator.summarize(values);
        assertThat(s.highOutliers()).isEqualTo(1);
        assertThat(s.lowOutliers()).isEqualTo(1);
    }

    @Test
    @DisplayName("a single sample has zero spread and a degenerate interval")
    void singleSample() {
        Summary s = SummaryCalculator.summarize(new double[] {7});
        assertThat(s.standardDeviation()).isZero();
        assertThat(s.medianCiLow()).isEqualTo(7);
        assertThat(s.relativeMedianCiHalfWidth()).isZero();
    }

    @Test
    @DisplayName("an empty sample set is rejected")
    void empty() {
        assertThatThrownBy(() -> SummaryCalculator.summarize(new double[0]))
                .hasMessage("cannot summarize an empty sample set");
    }
}
