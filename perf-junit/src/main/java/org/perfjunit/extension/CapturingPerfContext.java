package org.perfjunit.extension;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;
import org.perfjunit.PerfResult;
import org.perfjunit.engine.Operation;
import org.perfjunit.model.Direction;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link PerfContext} of a region test's copy in revision A/B: {@code measure} keeps the operation (one
 * side of the paired comparison) and ends the method there by throwing {@link Captured}, so what the test
 * does after measuring (its checks of the measured figures, which ran on the test's own measurement) does
 * not run on a copy whose figures are not measured: asserting on one cold call's result failed an
 * unchanged example. Counters, metrics, energy and phases are not compared, so they are dropped;
 * {@code result()} is the current test's.
 */
final class CapturingPerfContext implements PerfContext {

    private final Supplier<PerfResult> currentResult;
    private Operation captured;

    CapturingPerfContext(Supplier<PerfResult> currentResult) {
        this.currentResult = currentResult;
    }

    /** The operation the base passed to {@code measure}, or null when it never called it. */
    Operation captured() {
        return captured;
    }

    @Override
    public <T> T measure(ThrowingSupplier<T> operation) {
        throw capture(Operations.of(Objects.requireNonNull(operation, "operation")));
    }

    @Override
    public void measure(Executable operation) {
        throw capture(Operations.of(Objects.requireNonNull(operation, "operation")));
    }

    @Override
    public double measureDouble(DoubleOperation operation) {
        throw capture(Operations.of(Objects.requireNonNull(operation, "operation")));
    }

    @Override
    public long measureLong(LongOperation operation) {
        throw capture(Operations.of(Objects.requireNonNull(operation, "operation")));
    }

    /** Keeps the operation; every {@code measure} throws what this returns, so none returns to the test. */
    private Captured capture(Operation operation) {
        if (captured != null) {
            throw new IllegalStateException("PerfContext.measure(...) may be called once per test");
        }
        captured = operation;
        return new Captured();
    }

    /**
     * Thrown by {@code measure} once the operation is kept, to end the copy's test method there; an
     * {@link Error}, so a test's {@code catch (Exception e)} does not swallow it.
     */
    static final class Captured extends Error {
        private static final long serialVersionUID = 1L;

        Captured() {
            super("the operation was captured for revision A/B; the rest of this copy's test method does not run",
                    null, false, false);
        }
    }

    @Override
    public void counter(String name, double perInvocation) {
        // the base's own figures are not compared
    }

    @Override
    public void metric(String name, double value, Direction direction) {
        // the base's own figures are not compared
    }

    @Override
    public void metric(String name, double value, String unit, Direction direction) {
        // the base's own figures are not compared
    }

    @Override
    public void energy(double joulesPerInvocation) {
        // the base's own figures are not compared
    }

    @Override
    public Phase phase(String name) {
        return () -> { };
    }

    @Override
    public PerfResult result() {
        return currentResult.get();
    }
}
