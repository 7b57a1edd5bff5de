package org.perfjunit.engine;

import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;

/**
 * The batch loop whose class file {@link Loops} defines again, as a hidden class, for every target
 * class. Keep it a top-level class without lambdas or nested classes, so its bytes stand alone.
 * Each loop keeps the blackhole's counter in locals and calls its target through its own call
 * site; the branch on {@code seed ^ value} makes every result needed.
 */
final class TargetLoop implements Loop {

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
        } else if (target instanceof Executable executable) {
            for (long i = 0; i < batch; i++) {
                executable.execute();
            }
            blackhole.finish(seed, null);
        } else {
            Operation operation = (Operation) target;
            Object last = null;
            for (long i = 0; i < batch; i++) {
                last = operation.invoke();
                seed += Blackhole.STEP;
                if (((seed ^ Blackhole.bits(last)) & mask) == 0) {
                    mask = blackhole.publish(last);
                }
            }
            blackhole.finish(seed, last);
        }
    }
}
