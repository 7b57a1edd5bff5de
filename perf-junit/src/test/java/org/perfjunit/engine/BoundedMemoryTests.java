package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Metric;
import org.perfjunit.stats.SummaryCalculator;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Memory kept for samples stays bounded however long a measurement runs, and stays deterministic. */
@DisplayName("Bounded memory")
class BoundedMemoryTests {

    private static final int INVOCATIONS = 2 * ScheduledLoad.MAX_RECORDED_INVOCATIONS + 12_345;

    /** A paced run of {@code INVOCATIONS} at 10 000/s whose every 1000th call stalls for 1 ms (fake clock). */
    private static ScheduledLoad.Result longPacedRun() throws Throwable {
        FakeJvm jvm = new FakeJvm();
        Pacer pacer = deadline -> jvm.now = Math.max(jvm.now, deadline);
        int[] calls = {0};
        Operation op = () -> {
            calls[0]++;
            jvm.work(calls[0] % 1000 == 0 ? 1_000_000 : 10_000, 8);
            return calls[0];
        };
        SamplerSettings settings = new SamplerSettings(0, Duration.ofSeconds(5), INVOCATIONS, 10, 1000,
                Duration.ofMillis(200), Duration.ofHours(1), 0.01, -1, Duration.ofMillis(1), 1);
        return new ScheduledLoad(jvm, jvm, pacer, SamplingListener.NONE).run(op, settings, 10_000);
    }

    @Test
    void aLongPacedRunKeepsABoundedSeededReservoirWithExactCountsAndRate() throws Throwable {
        ScheduledLoad.Result result = longPacedRun();

        assertThat(result.invocations()).isEqualTo(INVOCATIONS);
        assertThat(result.measurement().samples()).hasSize(ScheduledLoad.MAX_RECORDED_INVOCATIONS);
        assertThat(result.serviceNanos()).hasSize(ScheduledLoad.MAX_RECORDED_INVOCATIONS);
        assertThat(result.achievedRate()).isCloseTo(10_000, within(50.0));
        assertThat(result.measurement().samples().get(0).allocatedBytes()).isEqualTo(8);
        // the reservoir is uniform: about 1 in 1000 kept invocations is a stall, as in the whole run
        long stalls = Arrays.stream(result.serviceNanos()).filter(ns -> ns >= 1_000_000).count();
        assertThat(stalls).isBetween(ScheduledLoad.MAX_RECORDED_INVOCATIONS / 1000L - 60,
                ScheduledLoad.MAX_RECORDED_INVOCATIONS / 1000L + 60);
        // seeded: the same timings keep the same invocations
        assertThat(longPacedRun().serviceNanos()).isEqualTo(result.serviceNanos());
    }

    @Test
    void aMetricKeepsAtMostAThousandEvenlySpacedRawSamplesButSummarizesThemAll() {
        double[] values = IntStream.range(0, 1_000_000).mapToDouble(i -> i).toArray();
        Metric metric = Metric.sampled("time", "ns", Direction.LOWER_IS_BETTER, SummaryCalculator.summarize(values),
                values);

        assertThat(metric.samples()).hasSize(Metric.MAX_KEPT_SAMPLES).isSorted();
        assertThat(metric.samples()[0]).isZero();
        assertThat(metric.samples()[999]).isEqualTo(999_000);
        assertThat(metric.summary().n()).isEqualTo(1_000_000);
        assertThat(metric.summary().max()).isEqualTo(999_999);
        double[] few = {3, 1, 2};
        assertThat(Metric.sampled("time", "ns", Direction.LOWER_IS_BETTER, SummaryCalculator.summarize(few), few)
                .samples()).containsExactly(3, 1, 2);
    }

    @Test
    void aMillionCountersMetricsAndPhasesKeepOneRunningValuePerName() {
        Observations observations = new Observations();
        observations.samplingStarted();
        for (int i = 0; i < 1_000_000; i++) {
            observations.counter("macs", i % 2 == 0 ? 1 : 3);
            observations.metric("accuracy", i, "", Direction.HIGHER_IS_BETTER);
            observations.phase("svd", 2);
        }
        observations.samplingFinished();

        assertThat(observations.counters()).isEqualTo(Map.of("macs", 2.0));
        assertThat(observations.metrics()).containsOnlyKeys("accuracy");
        assertThat(observations.metrics().get("accuracy").value()).isEqualTo(999_999);
        assertThat(new HashMap<>(observations.phaseNanos())).isEqualTo(Map.of("svd", 2_000_000L));
    }
}
