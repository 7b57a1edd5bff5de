package org.perfjunit;

import org.perfjunit.model.Direction;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Times a region of a performance test and reports what the code under test knows about itself.
 * Declare it as a parameter of a {@link Performance} test; the extension resolves it.
 *
 * <pre>{@code
 * @Test @Performance
 * void compiles(PerfContext perf) {
 *     Circuit circuit = perf.measure(() -> {
 *         try (var p = perf.phase("svd")) { ... }
 *         return compiler.compile(net);
 *     });
 *     perf.counter("macs", circuit.macs());
 *     perf.metric("fidelity", circuit.fidelity(), Direction.HIGHER_IS_BETTER);
 * }
 * }</pre>
 *
 * <p>{@link #measure} runs warm-up and all samples right away and returns the last invocation's
 * result (like pytest-benchmark's {@code benchmark(fn)}); it may be called once per test. Limits
 * and baselines are checked when the test method returns. The operation runs on the measuring thread
 * ({@link Performance#threadMode()}), under the measurement timeout ({@link Performance#timeout()}).
 */
public interface PerfContext {

    /** Measures {@code operation} and returns what its last invocation returned. Exceptions propagate unchanged. */
    <T> T measure(ThrowingSupplier<T> operation);

    /** Measures an operation that returns nothing. */
    void measure(Executable operation);

    /**
     * Measures an operation returning a {@code double} without boxing it: through {@link #measure(ThrowingSupplier)}
     * every result becomes a {@code Double} (16 bytes) that slow operations' allocation figures would count.
     */
    double measureDouble(DoubleOperation operation);

    /** Measures an operation returning a {@code long} (or {@code int}) without boxing it; see {@link #measureDouble}. */
    long measureLong(LongOperation operation);

    /**
     * Reports how many units of {@code name} one invocation processes (tokens, MACs, images). The
     * metric is the mean over reports during sampling, and {@code name/s} its rate. May be called
     * inside or outside the measured operation.
     */
    void counter(String name, double perInvocation);

    /** Reports a domain metric (accuracy, fidelity...) with the direction in which it improves; the last value wins. */
    void metric(String name, double value, Direction direction);

    /** Reports a domain metric with a unit. */
    void metric(String name, double value, String unit, Direction direction);

    /** Reports the energy one invocation used, in joules (e.g. from a simulator's energy model). */
    void energy(double joulesPerInvocation);

    /**
     * Starts a named phase; closing it adds its wall time to the phase's total. Per-phase time per
     * invocation becomes the metric {@code phase.<name>}. Only time inside sampling counts.
     */
    Phase phase(String name);

    /** The finished measurement; available after {@link #measure} returned. */
    PerfResult result();

    /** An operation returning a {@code double}, for {@link #measureDouble}. */
    @FunctionalInterface
    interface DoubleOperation {
        double get() throws Throwable;
    }

    /** An operation returning a {@code long}, for {@link #measureLong}. */
    @FunctionalInterface
    interface LongOperation {
        long get() throws Throwable;
    }

    /** A running phase. */
    interface Phase extends AutoCloseable {
        @Override
        void close();
    }
}
