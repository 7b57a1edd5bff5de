package org.perfjunit.extension;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;
import org.perfjunit.engine.Loops;
import org.perfjunit.engine.Operation;

import java.lang.invoke.MethodHandles;

/**
 * Adapts {@link PerfContext}'s JUnit-typed lambdas to the engine's {@link Operation}, keeping the
 * per-target batch loop ({@link JUnitTargetLoop}) so the user's lambda is inlined into its loop.
 */
final class Operations {

    static final Loops LOOPS = new Loops(MethodHandles.lookup(), JUnitTargetLoop.class);

    private Operations() {
    }

    /** An operation over a supplier; the loop calls the supplier itself, not an adapter shared by every test. */
    static Operation of(ThrowingSupplier<?> supplier) {
        return Operation.targeted(supplier, supplier::get, LOOPS);
    }

    /** An operation over a void executable. */
    static Operation of(Executable executable) {
        return Operation.targeted(executable, () -> {
            executable.execute();
            return null;
        }, LOOPS);
    }

    /** An operation over a {@code double} supplier; results are consumed unboxed. */
    static Operation of(PerfContext.DoubleOperation operation) {
        return Operation.targeted(operation, operation::get, LOOPS);
    }

    /** An operation over a {@code long} supplier; results are consumed unboxed. */
    static Operation of(PerfContext.LongOperation operation) {
        return Operation.targeted(operation, operation::get, LOOPS);
    }
}
