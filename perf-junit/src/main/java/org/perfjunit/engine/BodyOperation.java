package org.perfjunit.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * A whole test method as an {@link Operation}: invoked through a method handle the JIT can inline
 * (see {@link BodyLoop}) rather than {@code Method.invoke}, whose reflective call costs about 1.5 ns
 * per invocation and hides the body from the compiler. Receiver and arguments are passed on every
 * call, not bound into the handle, so the JIT cannot fold a test's parameters into constants (JMH
 * keeps {@code @Param} values in non-final fields for the same reason). Exceptions thrown by the
 * method propagate unchanged, not wrapped.
 */
public final class BodyOperation implements Operation {

    private static final MethodType SHAPE = MethodType.methodType(Object.class, Object.class, Object[].class);

    private final MethodHandle handle;
    private final Object receiver;
    private final Object[] arguments;
    private final Loop loop;

    private BodyOperation(MethodHandle handle, Object receiver, Object[] arguments) {
        this.handle = handle;
        this.receiver = receiver;
        this.arguments = arguments.clone();
        this.loop = Loops.forBody(handle);
    }

    /**
     * The method, invoked on {@code receiver} (ignored for a static method) with {@code arguments}.
     * The method must already be accessible ({@link Method#setAccessible}).
     */
    public static BodyOperation of(Method method, Object receiver, Object[] arguments) {
        MethodHandle direct;
        try {
            direct = MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot invoke " + method + " through a method handle: " + e.getMessage(), e);
        }
        if (Modifier.isStatic(method.getModifiers())) {
            direct = MethodHandles.dropArguments(direct, 0, Object.class);
        }
        MethodHandle spread = direct.asSpreader(Object[].class, method.getParameterCount()).asType(SHAPE);
        return new BodyOperation(spread, receiver, arguments);
    }

    MethodHandle handle() {
        return handle;
    }

    Object receiver() {
        return receiver;
    }

    Object[] arguments() {
        return arguments;
    }

    @Override
    public Object invoke() throws Throwable {
        return (Object) handle.invokeExact(receiver, arguments);
    }

    @Override
    public void run(long batch, Blackhole blackhole) throws Throwable {
        loop.run(this, batch, blackhole);
    }
}
