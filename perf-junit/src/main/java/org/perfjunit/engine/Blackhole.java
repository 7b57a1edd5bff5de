package org.perfjunit.engine;

import java.lang.ref.WeakReference;

/**
 * Consumes results so the JIT cannot prove them unused and delete the work that produced them.
 * Same idea as JMH's {@code Blackhole.consume(Object)}: a pseudo-random branch that, rarely and
 * unpredictably for the compiler, publishes the object to a field, without a volatile store on
 * every call. One instance per measuring thread.
 */
public final class Blackhole {

    private int seed = (int) System.nanoTime() | 1;
    private int mask = 1;
    private WeakReference<Object> published;

    /** Consumes a reference. */
    public void consume(Object value) {
        int next = seed * 1664525 + 1013904223;
        seed = next;
        if ((next & mask) == 0) {
            published = new WeakReference<>(value);
            mask = (mask << 1) + 1;
        }
    }
}
