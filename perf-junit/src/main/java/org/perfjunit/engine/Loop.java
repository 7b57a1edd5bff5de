package org.perfjunit.engine;

/** A timed batch loop over one kind of target; see {@link Loops}. */
public interface Loop {

    /** Invokes {@code target} {@code batch} times, consuming every result. */
    void run(Object target, long batch, Blackhole blackhole) throws Throwable;
}
