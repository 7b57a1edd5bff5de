package org.perfjunit.extension;

import org.perfjunit.PerfContext;
import org.perfjunit.PerfResult;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.model.Direction;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.platform.commons.util.ExceptionUtils;
import org.perfjunit.engine.Observations;
import org.perfjunit.engine.Operation;

import java.util.Objects;

/** The {@link PerfContext} handed to a test; delegates sampling to the extension's {@link MeasurementRun}. */
final class DefaultPerfContext implements PerfContext {

    private final MeasurementRun run;
    private final Observations observations;
    private boolean measured;

    DefaultPerfContext(MeasurementRun run) {
        this.run = run;
        this.observations = run.observations();
    }

    @Override
    public <T> T measure(ThrowingSupplier<T> operation) {
        Objects.requireNonNull(operation, "operation");
        @SuppressWarnings("unchecked")
        T last = (T) execute(Operations.of(operation));
        return last;
    }

    @Override
    public void measure(Executable operation) {
        Objects.requireNonNull(operation, "operation");
        execute(Operations.of(operation));
    }

    @Override
    public double measureDouble(DoubleOperation operation) {
        Objects.requireNonNull(operation, "operation");
        return ((Number) execute(Operations.of(operation))).doubleValue();
    }

    @Override
    public long measureLong(LongOperation operation) {
        Objects.requireNonNull(operation, "operation");
        return ((Number) execute(Operations.of(operation))).longValue();
    }

    private Object execute(Operation operation) {
        if (measured) {
            throw new IllegalStateException("PerfContext.measure(...) may be called once per test; "
                    + "split the test, or measure one operation that does both things");
        }
        measured = true;
        try {
            return run.measure(operation);
        } catch (Throwable t) {
            throw ExceptionUtils.throwAsUncheckedException(t);
        }
    }

    boolean measured() {
        return measured;
    }

    @Override
    public void counter(String name, double perInvocation) {
        observations.counter(requireName(name, "counter"), requireFinite(perInvocation, name));
    }

    @Override
    public void metric(String name, double value, Direction direction) {
        metric(name, value, "", direction);
    }

    @Override
    public void metric(String name, double value, String unit, Direction direction) {
        observations.metric(requireName(name, "metric"), requireFinite(value, name), unit == null ? "" : unit,
                Objects.requireNonNull(direction, "direction"));
    }

    @Override
    public void energy(double joulesPerInvocation) {
        if (!(joulesPerInvocation >= 0) || Double.isInfinite(joulesPerInvocation)) {
            throw new IllegalArgumentException("energy must be a finite number of joules >= 0, was " + joulesPerInvocation);
        }
        observations.energy(joulesPerInvocation);
    }

    @Override
    public Phase phase(String name) {
        requireName(name, "phase");
        long start = System.nanoTime();
        return () -> observations.phase(name, System.nanoTime() - start);
    }

    @Override
    public PerfResult result() {
        if (run.record() == null) {
            throw new IllegalStateException("no result yet: call perf.measure(...) before perf.result()");
        }
        return new PerfResult(run.record());
    }

    private static String requireName(String name, String what) {
        if (name == null || !name.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw new IllegalArgumentException(what + " name must be 1-64 characters of [A-Za-z0-9_.:-], was [" + name + "]");
        }
        return name;
    }

    private static double requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value of [" + name + "] must be finite, was " + value);
        }
        return value;
    }
}
