package org.perfjunit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One copy of {@link TargetLoop} per target class (and of {@link BodyLoop} per test method). The JIT profiles a call site per method, so a
 * single shared loop that has seen several tests' operations calls them through a megamorphic,
 * non-inlined interface call (a few nanoseconds each, and every result escapes). A hidden-class
 * copy per target class keeps each loop's call site monomorphic, which is what JMH achieves by
 * generating a loop per benchmark. If the class file cannot be read, all targets share one loop:
 * still correct, only slower for nanosecond operations.
 */
final class Loops {

    private static final byte[] LOOP_CLASS = readClass(TargetLoop.class);
    private static final byte[] BODY_LOOP_CLASS = readClass(BodyLoop.class);

    private static final ClassValue<Loop> COPIES = new ClassValue<>() {
        @Override
        protected Loop computeValue(Class<?> targetClass) {
            return copy();
        }
    };

    private Loops() {
    }

    static Loop forTarget(Object target) {
        return COPIES.get(target.getClass());
    }

    /** A loop of its own for one test method, the handle a constant in it (see {@link BodyLoop}). */
    static Loop forBody(MethodHandle body) {
        if (BODY_LOOP_CLASS.length == 0) {
            return new BodyLoop();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClassWithClassData(BODY_LOOP_CLASS, body, true);
            return (Loop) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            return new BodyLoop();
        }
    }

    private static Loop copy() {
        if (LOOP_CLASS.length == 0) {
            return new TargetLoop();
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup().defineHiddenClass(LOOP_CLASS, true);
            return (Loop) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            return new TargetLoop();
        }
    }

    private static byte[] readClass(Class<?> loop) {
        try (InputStream in = loop.getResourceAsStream(loop.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
