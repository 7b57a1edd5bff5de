package org.perfjunit.extension;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;
import org.perfjunit.engine.Blackhole;
import org.perfjunit.engine.Loop;

/**
 * The batch loop over {@link PerfContext}'s JUnit-typed lambdas, copied per target class by
 * {@link org.perfjunit.engine.Loops} like the engine's own {@code TargetLoop} (its twin for the
 * engine's functional types): the user's lambda is called from the loop's own call site, so the JIT
 * inlines it. Keep it a top-level class without lambdas or nested classes, so its bytes stand alone.
 */
final class JUnitTargetLoop implements Loop {

    JUnitTargetLoop() {
    }

    @Override
    public void run(Object target, long batch, Blackhole blackhole) throws Throwable {
        long seed = blackhole.seed();
        long mask = blackhole.mask();
        if (target instanceof ThrowingSupplier<?> supplier) {
            Object last = null;
            for (long i = 0; i < batch; i++) {
                last = supplier.get();
                seed += Blackhole.STEP;
                if (((seed ^ Blackhole.bits(last)) & mask) == 0) {
                    mask = blackhole.publish(last);
                }
            }
            blackhole.finish(seed, last);
        } else if (target instanceof PerfContext.DoubleOperation operation) {
            long bits = 0;
            for (long i = 0; i < batch; i++) {
                bits = Double.doubleToRawLongBits(operation.get());
                seed += Blackhole.STEP;
                if (((seed ^ bits) & mask) == 0) {
                    mask = blackhole.publishBits(bits);
                }
            }
            blackhole.finishBits(seed, 'D', bits);
        } else if (target instanceof PerfContext.LongOperation operation) {
            long bits = 0;
            for (long i = 0; i < batch; i++) {
                bits = operation.get();
                seed += Blackhole.STEP;
                if (((seed ^ bits) & mask) == 0) {
                    mask = blackhole.publishBits(bits);
                }
            }
            blackhole.finishBits(seed, 'J', bits);
        } else {
            Executable executable = (Executable) target;
            for (long i = 0; i < batch; i++) {
                executable.execute();
            }
            blackhole.finish(seed, null);
        }
    }
}
