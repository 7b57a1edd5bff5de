package org.perfjunit;

import java.util.HashMap;
import java.util.Map;

/**
 * Tells a revision A/B fixture whether its class is the first copy loaded: the fixture's code does double
 * work only there, as if the JIT had compiled that one copy badly, so a fresh copy of the same code does
 * not confirm the first pairing. Public because fixture classes compiled outside this package call it; it
 * lives on the shared class path, so every copy sees the same record.
 */
public final class FirstCopy {

    private static final Map<String, Class<?>> FIRST = new HashMap<>();

    private FirstCopy() {
    }

    /** True for the first class object of its name that asks (by identity), false for every later copy. */
    public static synchronized boolean is(Class<?> type) {
        return FIRST.computeIfAbsent(type.getName(), name -> type) == type;
    }
}
