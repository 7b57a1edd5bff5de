package org.perfjunit;

import java.util.ArrayList;
import java.util.List;

/**
 * Tells a revision A/B fixture whether its class is the first copy loaded: the fixture's code does double
 * work only there, as if the JIT had compiled that one copy badly, so a fresh copy of the same code does
 * not confirm the first pairing. Public because fixture classes compiled outside this package call it; it
 * lives on the shared class path, so every copy sees the same list.
 */
public final class FirstCopy {

    private static final List<Class<?>> SEEN = new ArrayList<>();

    private FirstCopy() {
    }

    /** True for the first class object that asks (by identity), false for every other copy. */
    public static synchronized boolean is(Class<?> type) {
        if (SEEN.stream().noneMatch(c -> c == type)) {
            SEEN.add(type);
        }
        return SEEN.get(0) == type;
    }
}
