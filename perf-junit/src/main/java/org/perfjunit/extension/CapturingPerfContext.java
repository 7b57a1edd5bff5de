package org.perfjunit.extension;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.platform.commons.util.ExceptionUtils;
import org.perfjunit.PerfContext;
import org.perfjunit.PerfResult;
import org.perfjunit.engine.Operation;
import org.perfjunit.model.Direction;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link PerfContext} of a region test run at the base revision: {@code measure} keeps the operation
 * (the reference of the paired comparison) and runs it once for its real result; counters, metrics,
 * energy and phases of the base are not compared, so they are dropped; {@code result()} is the current
 * test's, so assertions on it behave as in the working tree.
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
        @SuppressWarnings("unchecked")
        T result = (T) capture(Operations.of(Objects.requireNonNull(operation, "operation")));
        return result;
    }

    @Override
    public void measure(Executable operation) {
        capture(Operations.of(Objects.requireNonNull(operation, "operation")));
    }

    @Override
    public double measureDouble(DoubleOperation operation) {
        return ((Number) capture(Operations.of(Objects.requireNonNull(operation, "operation")))).doubleValue();
    }

    @Override
    public long measureLong(LongOperation operation) {
        return ((Number) capture(Operations.of(Objects.requireNonNull(operation, "operation")))).longValue();
    }

    private Object capture(Operation operation) {
        if (captured != null) {
            throw new IllegalStateException("PerfContext.measure(...) may be called once per test");
        }
        captured = operation;
        try {
            return operation.invoke();
        } catch (Throwable t) {
            throw ExceptionUtils.throwAsUncheckedException(t);
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
