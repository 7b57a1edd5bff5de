package org.perfjunit.engine;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * One copy of a loop template per target class. The JIT profiles a call site per method, so a
 * single shared loop that has seen several tests' operations calls them through a megamorphic,
 * non-inlined interface call (a few nanoseconds each, and every result escapes). A hidden-class
 * copy per target class keeps each loop's call site monomorphic, which is what JMH achieves by
 * generating a loop per benchmark. If the class file cannot be read, all targets share one loop:
 * still correct, only slower for nanosecond operations.
 *
 * <p>The engine's template is {@link TargetLoop} (its own functional types); a caller with other
 * functional types supplies a template of its own and a lookup in the template's package.
 */
public final class Loops {

    /** Copies of {@link TargetLoop}, for the engine's own functional types. */
    static final Loops ENGINE = new Loops(MethodHandles.lookup(), TargetLoop.class);

    private final MethodHandles.Lookup lookup;
    private final Class<? extends Loop> template;
    private final byte[] templateBytes;
    private final ClassValue<Loop> copies = new ClassValue<>() {
        @Override
        protected Loop computeValue(Class<?> targetClass) {
            return copy();
        }
    };

    /**
     * @param lookup   a full-privilege lookup in {@code template}'s package (hidden classes are defined there)
     * @param template a top-level class without lambdas or nested classes, so its bytes stand alone
     */
    public Loops(MethodHandles.Lookup lookup, Class<? extends Loop> template) {
        this.lookup = lookup;
        this.template = template;
        this.templateBytes = readClass(template);
    }

    /** The loop copy for {@code target}'s class. */
    public Loop forTarget(Object target) {
        return copies.get(target.getClass());
    }

    private Loop copy() {
        try {
            if (templateBytes.length > 0) {
                MethodHandles.Lookup copy = lookup.defineHiddenClass(templateBytes, true);
                return (Loop) copy.findConstructor(copy.lookupClass(), MethodType.methodType(void.class)).invoke();
            }
        } catch (Throwable e) {
            // fall through to the shared loop
        }
        try {
            return (Loop) lookup.findConstructor(template, MethodType.methodType(void.class)).invoke();
        } catch (Throwable e) {
            throw new IllegalStateException("loop template " + template.getName() + " needs a no-argument constructor", e);
        }
    }

    private static byte[] readClass(Class<?> type) {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in == null ? new byte[0] : in.readAllBytes();
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
