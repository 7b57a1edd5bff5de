package org.perfjunit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells a revision A/B fixture which copy of its class it is: the fixture's code does double work in one
 * copy only, as if the JIT had compiled that one copy badly, so another copy of the same code does not
 * confirm a pairing made on it. Public because fixture classes compiled outside this package call it; it
 * lives on the shared class path, so every copy sees the same record.
 */
public final class CopyOrdinal {

    private static final Map<String, List<Class<?>>> COPIES = new HashMap<>();

    private CopyOrdinal() {
    }

    /** 1 for the first class object of its name that asks (by identity), 2 for the next copy, and so on. */
    public static synchronized int of(Class<?> type) {
        List<Class<?>> copies = COPIES.computeIfAbsent(type.getName(), name -> new ArrayList<>());
        if (!copies.contains(type)) {
            copies.add(type);
        }
        return copies.indexOf(type) + 1;
    }
}
