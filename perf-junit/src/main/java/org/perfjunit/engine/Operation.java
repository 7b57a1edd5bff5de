package org.perfjunit.engine;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;

import java.util.Objects;

/** One invocation of the code under test. Its result is consumed so the JIT cannot drop the work. */
@FunctionalInterface
public interface Operation {

    /** Invokes the code under test once and returns its result. */
    Object invoke() throws Throwable;

    /**
     * Invokes {@code batch} times, each result consumed by {@code blackhole} (the last one kept). The
     * loop is a copy of its own per operation class, so its call site sees one receiver and the JIT
     * inlines the code under test into it, as into the loop JMH generates per benchmark.
     */
    default void run(long batch, Blackhole blackhole) throws Throwable {
        Loops.forTarget(this).run(this, batch, blackhole);
    }

    /** An operation over a supplier; the loop calls the supplier itself, not an adapter shared by every test. */
    static Operation of(ThrowingSupplier<?> supplier) {
        return new Targeted(supplier, supplier::get);
    }

    /** An operation over a void executable. */
    static Operation of(Executable executable) {
        return new Targeted(executable, () -> {
            executable.execute();
            return null;
        });
    }

    /** An operation over a {@code double} supplier; results are consumed unboxed. */
    static Operation of(PerfContext.DoubleOperation operation) {
        return new Targeted(operation, operation::get);
    }

    /** An operation over a {@code long} supplier; results are consumed unboxed. */
    static Operation of(PerfContext.LongOperation operation) {
        return new Targeted(operation, operation::get);
    }

    /** Runs the target through a loop copy keyed by the target's class; single invocations go through {@code single}. */
    record Targeted(Object target, Operation single) implements Operation {

        public Targeted {
            Objects.requireNonNull(target, "operation");
        }

        @Override
        public Object invoke() throws Throwable {
            return single.invoke();
        }

        @Override
        public void run(long batch, Blackhole blackhole) throws Throwable {
            Loops.forTarget(target).run(target, batch, blackhole);
        }
    }
}
