package org.perfjunit.engine;

/** One invocation of the code under test. Its result is consumed so the JIT cannot drop the work. */
@FunctionalInterface
public interface Operation {
    Object invoke() throws Throwable;
}
