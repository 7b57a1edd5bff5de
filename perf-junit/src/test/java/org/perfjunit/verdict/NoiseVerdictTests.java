package org.perfjunit.verdict;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.Check;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.stats.NoiseThresholds;
import org.perfjunit.stats.SummaryCalculator;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("NoiseVerdict")
class NoiseVerdictTests {

    /** 1, 2, 3, 4 ms repeated: CV 45%, far too noisy. */
    private static final double[] NOISY = new double[40];
    private static final double[] STABLE = new double[40];

    static {
        for (int i = 0; i < 40; i++) {
            NOISY[i] = 1e6 * (1 + i % 4);
            STABLE[i] = 1e6 * (1 + 0.001 * (i % 4));
        }
    }

    private static NoiseVerdict.Judgement judge(double[] samples, Limit limit, NoiseThresholds thresholds) {
        Map<String, Metric> metrics = Map.of(MetricNames.TIME, Metric.sampled(MetricNames.TIME, "ns",
                Direction.LOWER_IS_BETTER, SummaryCalculator.summarize(samples), samples));
        List<Check> checks = LimitChecker.check(List.of(limit), metrics, samples.length);
        return NoiseVerdict.judge(List.of(limit), checks, metrics, thresholds);
    }

    private static Limit maxDuration(Statistic statistic, double nanos) {
        return new Limit("@MaxDuration", MetricNames.TIME, statistic, nanos, true, "duration");
    }

    @Test
    void noisySamplesStillPassALimitTheWholeIntervalRespects() {
        assertThat(judge(NOISY, maxDuration(Statistic.MEDIAN, 1e9), NoiseThresholds.defaults()).outcome())
                .isEqualTo(Outcome.PASSED);
    }

    @Test
    void noisySamplesStillFailALimitTheWholeIntervalBreaks() {
        NoiseVerdict.Judgement v = judge(NOISY, maxDuration(Statistic.MEDIAN, 5e5), NoiseThresholds.defaults());
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.message()).isEqualTo("median duration [2.5 ms] exceeded @MaxDuration [500 µs] over [40] samples");
    }

    @Test
    void aBoundInsideTheIntervalOfNoisySamplesIsInconclusive() {
        NoiseVerdict.Judgement v = judge(NOISY, maxDuration(Statistic.P99, 4e6), NoiseThresholds.defaults());
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(v.message()).isEqualTo("too noisy to judge: CV 45% (limit 25%), median CI ±20% (limit ±5%) over [40] samples; "
                + "cannot decide p99 duration [4 ms] against @MaxDuration [4 ms] (95% CI [4 ms, +inf])");
    }

    @Test
    void aBoundInsideTheIntervalFailsAsUsualWithoutTheGate() {
        assertThat(judge(NOISY, maxDuration(Statistic.P90, 3.5e6), null).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(judge(NOISY, maxDuration(Statistic.P90, 4e6), null).outcome()).isEqualTo(Outcome.PASSED);
    }

    @Test
    void stableSamplesAreJudgedOnThePointEstimate() {
        assertThat(judge(STABLE, maxDuration(Statistic.P99, 1.01e6), NoiseThresholds.defaults()).outcome())
                .isEqualTo(Outcome.PASSED);
    }
}
