package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Sampler")
class SamplerTests {

    private final FakeJvm jvm = new FakeJvm();
    private final Sampler sampler = new Sampler(jvm, jvm, SamplingListener.NONE);

    private static SamplerSettings fixed(int warmup, int iterations) {
        return SamplerSettings.defaults().withWarmupIterations(warmup).withIterations(iterations);
    }

    @Test
    @DisplayName("calibrates the batch so one sample lasts at least the minimum sample time")
    void calibratesBatch() throws Throwable {
        Measurement m = sampler.measure(() -> {
            jvm.work(1_000, 0);
            return null;
        }, fixed(2, 5));
        assertThat(m.batchSize()).isGreaterThanOrEqualTo(1_000);
        assertThat(m.samples()).hasSize(5).allSatisfy(s -> assertThat(s.wallNanos()).isGreaterThanOrEqualTo(1_000_000));
        assertThat(m.nanosPerOperation()).containsOnly(m.nanosPerOperation()[0]).satisfies(a -> assertThat(a[0]).isCloseTo(1_000, within(5.0)));
        assertThat(m.stopReason()).isEqualTo("iterations");
    }

    @Test
    @DisplayName("uses a fixed batch size when one is given")
    void fixedBatch() throws Throwable {
        Measurement m = sampler.measure(() -> {
            jvm.work(10, 0);
            return null;
        }, fixed(0, 3).withBatchSize(7));
        assertThat(m.batchSize()).isEqualTo(7);
        assertThat(m.totalOperations()).isEqualTo(21);
    }

    @Test
    @DisplayName("records allocated bytes and CPU time per sample")
    void recordsAllocationAndCpu() throws Throwable {
        Measurement m = sampler.measure(() -> {
            jvm.work(100_000, 64);
            return null;
        }, fixed(1, 4).withBatchSize(20));
        assertThat(m.samples()).allSatisfy(s -> {
            assertThat(s.allocatedBytes()).isEqualTo(20 * 64);
            assertThat(s.cpuNanos()).isEqualTo(20 * 100_000);
        });
    }

    @Test
    @DisplayName("adaptive sampling stops once the median's interval is tight")
    void adaptiveConverges() throws Throwable {
        Measurement m = sampler.measure(() -> {
            jvm.work(50_000, 0);
            return null;
        }, SamplerSettings.defaults().withWarmupIterations(1));
        assertThat(m.stopReason()).isEqualTo("converged");
        assertThat(m.samples().size()).isGreaterThanOrEqualTo(SamplerSettings.defaults().minSamples());
    }

    @Test
    @DisplayName("warm-up detects steady state once the JIT stops compiling and timings agree")
    void detectsSteadyState() throws Throwable {
        int[] calls = {0};
        Measurement m = sampler.measure(() -> {
            calls[0]++;
            boolean cold = calls[0] < 20_000;
            if (cold) {
                jvm.compilation++;
            }
            jvm.work(cold ? 5_000 : 1_000, 0);
            return null;
        }, fixed(-1, 3).withBatchSize(1_000));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.warmupIterations()).isGreaterThanOrEqualTo(20 + Sampler.WARMUP_WINDOW);
        assertThat(m.nanosPerOperation()).containsOnly(m.nanosPerOperation()[0]).satisfies(a -> assertThat(a[0]).isCloseTo(1_000, within(1.0)));
    }

    @Test
    @DisplayName("warm-up gives up at its cap and records that no steady state was reached")
    void warmupCap() throws Throwable {
        SamplerSettings settings = new SamplerSettings(-1, Duration.ofMillis(50), 3, 10, 1000, Duration.ZERO,
                Duration.ofSeconds(10), 0.01, 10, Duration.ofMillis(1), 1);
        Measurement m = sampler.measure(() -> {
            jvm.compilation++;
            jvm.work(10_000, 0);
            return null;
        }, settings);
        assertThat(m.steadyState()).isFalse();
        assertThat(m.samples()).hasSize(3);
    }

    @Test
    @DisplayName("an exception thrown by the operation propagates unchanged")
    void propagatesException() {
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> sampler.measure(() -> {
            throw boom;
        }, fixed(1, 3))).isSameAs(boom);
    }

    @Test
    @DisplayName("stops at max time even when a fixed count was not reached")
    void maxTime() throws Throwable {
        SamplerSettings settings = new SamplerSettings(0, Duration.ofSeconds(1), 1_000, 10, 1000, Duration.ZERO,
                Duration.ofMillis(10), 0.01, 1, Duration.ofMillis(1), 1);
        Measurement m = sampler.measure(() -> {
            jvm.work(1_000_000, 0);
            return null;
        }, settings);
        assertThat(m.stopReason()).isEqualTo("max_time");
        assertThat(m.samples().size()).isBetween(10, 12);
    }

    @Test
    @DisplayName("warm-up lasts at least the minimum time, even when an interpreted loop already looks steady")
    void minimumWarmup() throws Throwable {
        long start = jvm.nanoTime();
        Measurement m = sampler.measure(() -> {
            jvm.work(1_000, 0);
            return null;
        }, fixed(-1, 3).withBatchSize(1_000));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.warmupNanos()).isGreaterThanOrEqualTo(Sampler.MIN_WARMUP_NANOS);
        assertThat(m.warmupIterations()).isGreaterThanOrEqualTo((int) (Sampler.MIN_WARMUP_NANOS / 1_000_000));
        assertThat(jvm.nanoTime() - start).isGreaterThanOrEqualTo(Sampler.MIN_WARMUP_NANOS);
    }

    @Test
    @DisplayName("one batch slowed by a pause does not settle the calibrated batch size")
    void calibrationIgnoresOnePause() throws Throwable {
        int[] calls = {0};
        Measurement m = sampler.measure(() -> {
            calls[0]++;
            jvm.work(calls[0] == 5 ? 5_000_000 : 1_000, 0); // a GC-like pause inside the batch of 4
            return null;
        }, fixed(0, 3));
        assertThat(m.batchSize()).isGreaterThanOrEqualTo(1_000);
    }

    @Test
    @DisplayName("a double result is consumed unboxed and returned as the last result")
    void primitiveResults() throws Throwable {
        double[] next = {0};
        Measurement m = sampler.measure(Operation.of((Operation.OfDouble) () -> {
            jvm.work(1_000, 0);
            return ++next[0];
        }), fixed(0, 3).withBatchSize(10));
        assertThat(m.lastResult()).isEqualTo(next[0]);
        assertThat(m.totalOperations()).isEqualTo(30);
    }
}
