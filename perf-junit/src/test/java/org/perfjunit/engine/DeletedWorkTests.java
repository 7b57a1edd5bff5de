package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.function.LongUnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deleted work on a fake clock: batches whose time the test scripts, never the real JIT. */
@DisplayName("Deleted work")
class DeletedWorkTests {

    private final FakeJvm jvm = new FakeJvm();
    private final Sampler sampler = new Sampler(jvm, jvm, SamplingListener.NONE);

    /** A batch of {@code batch} invocations takes {@code nanos.applyAsLong(batch)} ns on the fake clock. */
    private Operation batchTaking(LongUnaryOperator nanos) {
        return new Operation() {
            @Override
            public Object invoke() {
                return null;
            }

            @Override
            public void run(long batch, Blackhole blackhole) {
                jvm.work(nanos.applyAsLong(batch), 0);
            }
        };
    }

    /** A loop the JIT emptied: every batch takes {@code nanos}, whatever its size. */
    private Operation constantBatch(long nanos) {
        return batchTaking(batch -> nanos);
    }

    /** Each invocation takes {@code nanosPerBatch / batchSize}. */
    private Operation fixedRate(long batchSize, long nanosPerBatch) {
        return batchTaking(batch -> nanosPerBatch * batch / batchSize);
    }

    @Test
    @DisplayName("a batch whose time stops growing with its size fails calibration, naming the batch and the fix")
    void batchStopsGrowing() {
        assertThatThrownBy(() -> sampler.measure(constantBatch(30), SamplerSettings.defaults()))
                .isInstanceOf(DeletedWork.DeletedWorkError.class).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Deleted work: the batch grew to [1,073,741,824] invocations and one batch "
                        + "still took only [")
                .hasMessageContaining("its time stopped growing with its size")
                .hasMessageContaining("Return the value from the operation")
                .hasMessageContaining("perf.measureDouble(...) or perf.measureLong(...)");
    }

    @Test
    @DisplayName("a fixed batch measured below 0.1 ns per invocation fails, naming the figure and the fix")
    void belowOneCycle() {
        SamplerSettings settings = SamplerSettings.defaults().withWarmupIterations(1).withIterations(5).withBatchSize(1_000);
        assertThatThrownBy(() -> sampler.measure(constantBatch(0), settings))
                .isInstanceOf(DeletedWork.DeletedWorkError.class)
                .hasMessageStartingWith("Deleted work: measured [0.00100 ns] per invocation, below [0.1 ns], "
                        + "less than one CPU cycle; no code runs that fast. Nothing uses what the operation computes");
    }

    @Test
    @DisplayName("an operation just above the floor (0.15 ns) is a result, and one just below (0.05 ns) is not")
    void floorIsTheBoundary() throws Throwable {
        SamplerSettings settings = SamplerSettings.defaults().withWarmupIterations(1).withIterations(5)
                .withBatchSize(100_000);
        Measurement m = sampler.measure(fixedRate(100_000, 15_000), settings);
        assertThat(java.util.Arrays.stream(m.nanosPerOperation()).boxed()).allSatisfy(ns -> assertThat(ns).isBetween(0.15, 0.16));
        assertThatThrownBy(() -> sampler.measure(fixedRate(100_000, 5_000), settings))
                .isInstanceOf(DeletedWork.DeletedWorkError.class).hasMessageContaining("measured [0.0500 ns]");
    }

    @Test
    @DisplayName("a calibrated operation whose batch time grows is measured, however short one invocation is")
    void growingBatchIsMeasured() throws Throwable {
        Measurement m = sampler.measure(fixedRate(10, 3), SamplerSettings.defaults().withWarmupIterations(1)
                .withIterations(3));
        assertThat(m.batchSize()).isLessThan(Sampler.MAX_BATCH);
        assertThat(java.util.Arrays.stream(m.nanosPerOperation()).boxed()).allSatisfy(ns -> assertThat(ns).isBetween(0.3, 0.31));
    }
}
