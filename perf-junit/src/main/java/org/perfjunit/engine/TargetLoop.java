package org.perfjunit.engine;

/**
 * The batch loop over the engine's own functional types ({@link Operation}, {@link Operation.OfDouble},
 * {@link Operation.OfLong}) whose class file {@link Loops} defines again, as a hidden class, for every target
 * class; {@code extension.JUnitTargetLoop} is its twin for the JUnit-typed lambdas of {@code PerfContext}. Keep it a top-level class without lambdas or nested classes, so its bytes stand alone.
 * Each loop keeps the blackhole's counter in locals and calls its target through its own call
 * site; the branch on {@code seed ^ value} makes every result needed.
 */
final class TargetLoop implements Loop {

    /** For {@link Loops}, which instantiates copies. */
    public TargetLoop() {
    }

    @Override
    public void run(Object target, long batch, Blackhole blackhole) throws Throwable {
        long seed = blackhole.seed();
        long mask = blackhole.mask();
        if (target instanceof Operation.OfDouble operation) {
            long bits = 0;
            for (long i = 0; i < batch; i++) {
                bits = Double.doubleToRawLongBits(operation.get());
                seed += Blackhole.STEP;
                if (((seed ^ bits) & mask) == 0) {
                    mask = blackhole.publishBits(bits);
                }
            }
            blackhole.finishBits(seed, 'D', bits);
        } else if (target instanceof Operation.OfLong operation) {
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
