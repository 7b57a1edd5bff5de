package org.perfjunit.engine;

import java.util.Objects;

/**
 * One invocation of the code under test: the engine's own functional type. Its result is consumed
 * so the JIT cannot drop the work. The extension adapts {@code PerfContext}'s JUnit-typed lambdas to
 * it ({@code extension.Operations}); code that drives the engine directly writes an {@code Operation}
 * lambda, or an {@link OfDouble}/{@link OfLong} one to keep primitive results unboxed.
 */
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
        Loops.ENGINE.forTarget(this).run(this, batch, blackhole);
    }

    /** An operation returning a {@code double}, consumed unboxed. */
    @FunctionalInterface
    interface OfDouble {
        double get() throws Throwable;
    }

    /** An operation returning a {@code long}, consumed unboxed. */
    @FunctionalInterface
    interface OfLong {
        long get() throws Throwable;
    }

    /** An operation over a {@code double} supplier; results are consumed unboxed. */
    static Operation of(OfDouble operation) {
        return targeted(operation, operation::get, Loops.ENGINE);
    }

    /** An operation over a {@code long} supplier; results are consumed unboxed. */
    static Operation of(OfLong operation) {
        return targeted(operation, operation::get, Loops.ENGINE);
    }

    /**
     * An operation whose batches run {@code target} through the loop copy {@code loops} keeps for the
     * target's class; single invocations go through {@code single}. The seam through which callers
     * with functional types of their own (the extension's JUnit types) keep the per-target loop.
     */
    static Operation targeted(Object target, Operation single, Loops loops) {
        return new Targeted(target, single, loops);
    }

    /** Runs the target through a loop copy keyed by the target's class; single invocations go through {@code single}. */
    record Targeted(Object target, Operation single, Loops loops) implements Operation {

        public Targeted {
            Objects.requireNonNull(target, "operation");
        }

        @Override
        public Object invoke() throws Throwable {
            return single.invoke();
        }

        @Override
        public void run(long batch, Blackhole blackhole) throws Throwable {
            loops.forTarget(target).run(target, batch, blackhole);
        }
    }
}
