package org.perfjunit;

import org.perfjunit.machine.HardwareProbe;
import org.perfjunit.machine.ProbeResult;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Probes registered for tests only (src/test/resources/META-INF/services). */
final class FakeHardwareProbes {

    /** How often {@link Counted} was probed; reset by the tests that read it. */
    static final AtomicInteger COUNTED_CALLS = new AtomicInteger();

    private FakeHardwareProbes() {
    }

    /** {@code fake-present}: always there. */
    public static final class Present implements HardwareProbe {
        @Override
        public Set<String> names() {
            return Set.of("fake-present");
        }

        @Override
        public ProbeResult probe(String name) {
            return ProbeResult.present("fake device");
        }
    }

    /** {@code fake-absent} and {@code fake-absent-2}: never there. */
    public static final class Absent implements HardwareProbe {
        @Override
        public Set<String> names() {
            return Set.of("fake-absent", "fake-absent-2");
        }

        @Override
        public ProbeResult probe(String name) {
            return ProbeResult.absent(name + " unplugged");
        }
    }

    /** {@code fake-crash}: throws. */
    public static final class Crash implements HardwareProbe {
        @Override
        public Set<String> names() {
            return Set.of("fake-crash");
        }

        @Override
        public ProbeResult probe(String name) {
            throw new IllegalStateException("driver exploded");
        }
    }

    /** {@code fake-counted}: present, counts its calls. */
    public static final class Counted implements HardwareProbe {
        @Override
        public Set<String> names() {
            return Set.of("fake-counted");
        }

        @Override
        public ProbeResult probe(String name) {
            COUNTED_CALLS.incrementAndGet();
            return ProbeResult.present("counted");
        }
    }
}
