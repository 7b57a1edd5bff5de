package org.perfjunit.engine;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * The batch loop of a whole test body, defined again by {@link Loops#forBody} as a hidden class per
 * test method with that method's handle as class data. The handle lands in a static final field,
 * which the JIT treats as a constant, so it inlines the test method into the loop as JMH's
 * generated loop inlines a benchmark. Keep it a top-level class without lambdas or nested classes,
 * so its bytes stand alone.
 */
final class BodyLoop implements Loop {

    /** The test method as {@code (Object receiver, Object[] args) -> Object}; null in this original class. */
    private static final MethodHandle BODY = classData();

    @Override
    public void run(Object target, long batch, Blackhole blackhole) throws Throwable {
        BodyOperation body = (BodyOperation) target;
        // the original class has no class data; it then calls the handle it is given, without inlining
        MethodHandle handle = BODY != null ? BODY : body.handle();
        Object receiver = body.receiver();
        Object[] args = body.arguments();
        long seed = blackhole.seed();
        long mask = blackhole.mask();
        Object last = null;
        for (long i = 0; i < batch; i++) {
            last = (Object) handle.invokeExact(receiver, args);
            seed += Blackhole.STEP;
            if (((seed ^ Blackhole.bits(last)) & mask) == 0) {
                mask = blackhole.publish(last);
            }
        }
        blackhole.finish(seed, last);
    }

    private static MethodHandle classData() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, MethodHandle.class);
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
