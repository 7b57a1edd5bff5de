package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Summary;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("ScheduledLoad")
class ScheduledLoadTests {

    private static final long MICROS = 1_000;
    private static final long MILLIS = 1_000_000;

    private final FakeJvm jvm = new FakeJvm();
    /** A pacer that jumps the fake clock to the intended start instead of waiting. */
    private final Pacer pacer = deadline -> jvm.now = Math.max(jvm.now, deadline);

    private static SamplerSettings settings(int invocations) {
        return SamplerSettings.defaults().withWarmupIterations(0).withIterations(invocations);
    }

    /** Each call takes 100 µs, except call number {@code stallAt} (1-based), which takes 50 ms. */
    private Operation workload(int stallAt) {
        int[] calls = {0};
        return () -> {
            calls[0]++;
            jvm.work(calls[0] == stallAt ? 50 * MILLIS : 100 * MICROS, 0);
            return calls[0];
        };
    }

    private ScheduledLoad.Result run(Operation operation, SamplerSettings settings, double rate) throws Throwable {
        return new ScheduledLoad(jvm, jvm, pacer, SamplingListener.NONE).run(operation, settings, rate);
    }

    @Test
    void withoutAStallLatencyEqualsServiceTimeAndTheTargetRateIsMet() throws Throwable {
        ScheduledLoad.Result result = run(workload(-1), settings(100), 1000);
        double[] latency = result.measurement().nanosPerOperation();
        assertThat(latency).hasSize(100);
        assertThat(Arrays.stream(latency).boxed()).allSatisfy(ns -> assertThat(ns).isCloseTo(100.0 * MICROS, within(10.0)));
        assertThat(result.achievedRate()).isCloseTo(1000, within(15.0));
        assertThat(result.measurement().stopReason()).isEqualTo("schedule");
        assertThat(result.measurement().batchSize()).isEqualTo(1);
    }

    @Test
    void aCollectionsPauseStaysOnTheLatenciesItDelayedInsteadOfBeingSharedOut() throws Throwable {
        int[] calls = {0};
        Operation pausedOnce = () -> {
            calls[0]++;
            if (calls[0] == 20) { // the collector stops the test for 50 ms and reports it
                jvm.gcCount++;
                jvm.gcMillis += 50;
                jvm.work(50 * MILLIS, 0);
            }
            jvm.work(100 * MICROS, 0);
            return calls[0];
        };
        ScheduledLoad.Result result = run(pausedOnce, settings(100), 1000);

        double[] latency = result.measurement().nanosPerOperation();
        assertThat(result.measurement().pausesShared()).isFalse();
        assertThat(latency[0]).isCloseTo(100.0 * MICROS, within(10.0)); // the run's collections are booked on it
        assertThat(latency[19]).isGreaterThan(50.0 * MILLIS);
    }

    @Test
    void aStallInflatesTheCorrectedLatencyOfEveryInvocationQueuedBehindIt() throws Throwable {
        ScheduledLoad.Result result = run(workload(20), settings(100), 1000);
        double[] latency = result.measurement().nanosPerOperation();
        double[] service = result.serviceNanos();
        // service time sees one slow call; the 55 calls due during the stall and its backlog waited
        assertThat(Arrays.stream(service).filter(ns -> ns > MILLIS).count()).isEqualTo(1);
        assertThat(Arrays.stream(latency).filter(ns -> ns > MILLIS).count()).isBetween(54L, 57L);
        // call 20 (due at 19 ms) stalled until 69 ms; call 21 was due at 20 ms and finished at 69.1 ms
        assertThat(latency[20]).isCloseTo(49.1 * MILLIS, within(0.01 * MILLIS));
        assertThat(latency[21]).isCloseTo(48.2 * MILLIS, within(0.01 * MILLIS));

        Map<String, Metric> metrics = MetricAssembler.assemble(result.measurement(), new Observations(), -1, -1,
                OptionalDouble.empty());
        LoadMetrics.addTo(metrics, result);
        Summary corrected = metrics.get(MetricNames.TIME).summary();
        Summary uncorrected = metrics.get(LoadMetrics.SERVICE_TIME).summary();
        assertThat(uncorrected.p90()).isCloseTo(100 * MICROS, within(10.0));
        assertThat(corrected.median()).isGreaterThan(1 * MILLIS);
        assertThat(corrected.p90()).isGreaterThan(30 * MILLIS);
        assertThat(corrected.max()).isCloseTo(50 * MILLIS, within(0.01 * MILLIS));
        assertThat(metrics.get(MetricNames.THROUGHPUT).value()).isCloseTo(1000, within(15.0));
        assertThat(metrics.get(LoadMetrics.TARGET_RATE).value()).isEqualTo(1000);
    }

    @Test
    void issuingStopsAtTheMaximumTime() throws Throwable {
        SamplerSettings s = settings(100);
        SamplerSettings capped = new SamplerSettings(0, s.maxWarmup(), 100, s.minSamples(), s.maxSamples(), s.minTime(),
                Duration.ofMillis(30), s.targetPrecision(), s.batchSize(), s.minSampleTime(), 1);
        ScheduledLoad.Result result = run(workload(-1), capped, 1000);
        assertThat(result.measurement().samples()).hasSize(30); // due at 0..29 ms; the one due at 30 ms is not issued
        assertThat(result.measurement().stopReason()).isEqualTo("max_time");
    }

    @Test
    void withoutFixedIterationsTheScheduleLastsTheMinimumTime() throws Throwable {
        SamplerSettings s = SamplerSettings.defaults().withWarmupIterations(3);
        ScheduledLoad.Result result = run(workload(-1), s, 500);
        assertThat(result.measurement().samples()).hasSize(100); // 500/s for 200 ms
        assertThat(result.measurement().warmupIterations()).isEqualTo(3);
    }

    @Test
    void theOperationsExceptionPropagatesUnchanged() {
        IllegalStateException boom = new IllegalStateException("boom");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> run(() -> {
            throw boom;
        }, settings(5), 1000)).isSameAs(boom);
    }
}
