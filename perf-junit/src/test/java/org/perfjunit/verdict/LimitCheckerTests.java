package org.perfjunit.verdict;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.Check;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.stats.SummaryCalculator;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("LimitChecker")
class LimitCheckerTests {

    private static String message(Limit limit, double value) {
        Metric metric = Metric.single(limit.metric(), "ns", Direction.LOWER_IS_BETTER, value);
        List<Check> checks = LimitChecker.check(List.of(limit), Map.of(limit.metric(), metric), 40);
        return checks.get(0).message();
    }

    private static Limit max(double nanos) {
        return new Limit("@MaxDuration", MetricNames.TIME, null, nanos, true, "duration");
    }

    private static Limit min(double nanos) {
        return new Limit("@MinDuration", MetricNames.TIME, null, nanos, false, "duration");
    }

    @Test
    void aFailureFarOverTheLimitSaysHowManyTimesTheLimit() {
        assertThat(message(max(10_000), 461_900))
                .isEqualTo("duration [461.9 µs] exceeded @MaxDuration [10 µs] over [40] samples (46× the limit)");
    }

    @Test
    void aFailureNearTheLimitSaysByHowManyPercent() {
        assertThat(message(max(100e6), 128.4e6)).endsWith("over [40] samples (28% over the limit)");
        assertThat(message(max(100e6), 100.2e6)).endsWith("(<1% over the limit)");
    }

    @Test
    void aMissedMinimumSaysHowFarBelow() {
        assertThat(message(min(1000), 600)).endsWith("fell below @MinDuration [1 µs] over [40] samples (40% under the limit)");
        assertThat(message(min(1000), 250)).endsWith("(0.25× the limit)");
    }

    @Test
    void aPassedLimitCarriesNoRelativeFigure() {
        assertThat(message(max(1000), 500)).isEqualTo("duration [500 ns] within @MaxDuration [1 µs] over [40] samples");
    }

    @Test
    void multiplesUseTwoSignificantFiguresBelowTen() {
        assertThat(LimitChecker.relativeToBound(2.5, 1)).isEqualTo(" (2.5× the limit)");
        assertThat(LimitChecker.relativeToBound(2, 1)).isEqualTo(" (2× the limit)");
        assertThat(LimitChecker.relativeToBound(1, 0)).isEmpty();
    }

    @Test
    void aStatisticLimitNamesTheStatistic() {
        Limit p95 = new Limit("@MaxDuration", MetricNames.TIME, Statistic.P95, 10_000, true, "duration");
        double[] samples = {400_000, 450_000, 461_900, 461_900, 461_900};
        Metric metric = Metric.sampled(MetricNames.TIME, "ns", Direction.LOWER_IS_BETTER,
                SummaryCalculator.summarize(samples), samples);
        assertThat(LimitChecker.check(List.of(p95), Map.of(MetricNames.TIME, metric), 5).get(0).message())
                .isEqualTo("p95 duration [461.9 µs] exceeded @MaxDuration [10 µs] over [5] samples (46× the limit)");
    }
}
