package org.perfjunit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.run;

/**
 * When the extension collects the garbage earlier tests left: before the test builds its data, never between
 * its set-up and its measurement (a collection there would lay the test's data out afresh; see
 * {@link org.perfjunit.extension.SetUpCollection}). The fixtures record, in order, the collections (through the
 * extension's collector seam), their construction, {@code @BeforeEach} and the measured body.
 */
@DisplayName("The collection before a test")
class SetUpCollectionTests {

    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    /** A fake clock for the samples, and a collector that records instead of collecting. */
    static final class Recorder extends ScriptedClock.Extension {
        Recorder() {
            super(1_000_000);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            super.beforeAll(context);
            context.getStore(ExtensionContext.Namespace.create(PerformanceExtension.class))
                    .put(PerformanceExtension.COLLECTOR_SEAM_KEY, (Runnable) () -> EVENTS.add("collect"));
        }
    }

    /** Records its construction and its {@code @BeforeEach}. */
    abstract static class RecordingFixture {
        final Object data = record("construct");

        @BeforeEach
        void setUp() {
            EVENTS.add("beforeEach");
        }
    }

    @ExtendWith(Recorder.class)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodTestCase extends RecordingFixture {
        @Test
        @Order(1)
        @Performance
        void measured(PerfContext perf, ScriptedClock clock) {
            EVENTS.add("body");
            perf.measure(clock::invoke);
            EVENTS.add("measured " + (data != null));
        }

        @Test
        @Order(2)
        void plain() {
            EVENTS.add("plain");
        }
    }

    @ExtendWith(Recorder.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @Performance
    static class PerClassTestCase extends RecordingFixture {
        @Test
        @Order(1)
        void first(PerfContext perf, ScriptedClock clock) {
            perf.measure(clock::invoke);
            EVENTS.add("measured " + (data != null));
        }

        @Test
        @Order(2)
        void second(PerfContext perf, ScriptedClock clock) {
            perf.measure(clock::invoke);
            EVENTS.add("measured " + (data != null));
        }
    }

    /** {@code @Performance} on the enclosing class: the extension sees both instances built for each test. */
    @ExtendWith(Recorder.class)
    @Performance
    static class EnclosingTestCase {
        final Object outer = record("construct outer");

        @Nested
        class InnerTestCase {
            final Object inner = record("construct inner");

            @Test
            void measured(PerfContext perf, ScriptedClock clock) {
                perf.measure(clock::invoke);
                EVENTS.add("measured " + (outer != null && inner != null));
            }
        }
    }

    /** The enclosing instance serves the whole class; the inner one is built for each test. */
    @ExtendWith(Recorder.class)
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @Performance
    static class SharedEnclosingTestCase {
        final Object outer = record("construct outer");

        @Nested
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class InnerTestCase {
            final Object inner = record("construct inner");

            @Test
            @Order(1)
            void first(PerfContext perf, ScriptedClock clock) {
                perf.measure(clock::invoke);
                EVENTS.add("measured " + (outer != null && inner != null));
            }

            @Test
            @Order(2)
            void second(PerfContext perf, ScriptedClock clock) {
                perf.measure(clock::invoke);
                EVENTS.add("measured " + (outer != null && inner != null));
            }
        }
    }

    /** Asks for a {@link PerfContext} in its constructor, where there is no measurement to give it to. */
    @ExtendWith(Recorder.class)
    static class ConstructorInjectionTestCase {
        ConstructorInjectionTestCase(PerfContext perf) {
        }

        @Test
        @Performance
        void measured() {
        }
    }

    private static Object record(String event) {
        EVENTS.add(event);
        return event;
    }

    @Test
    @DisplayName("with an instance per test: collects before the instance is constructed, and only for the measured test")
    void beforeTheInstance() {
        EVENTS.clear();
        run(PerMethodTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(EVENTS).containsExactly("collect", "construct", "beforeEach", "body", "measured true",
                "construct", "beforeEach", "plain");
    }

    @Test
    @DisplayName("with one instance per class: collects before each test's @BeforeEach methods")
    void beforeEachWithOneInstance() {
        EVENTS.clear();
        run(PerClassTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(EVENTS).containsExactly("construct", "collect", "beforeEach", "measured true",
                "collect", "beforeEach", "measured true");
    }

    @Test
    @DisplayName("@Nested: collects once per test, before the enclosing instance built for it, not again before the inner one")
    void onceBeforeTheEnclosingInstance() {
        EVENTS.clear();
        run(EnclosingTestCase.class).testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(EVENTS).containsExactly("collect", "construct outer", "construct inner", "measured true");
    }

    @Test
    @DisplayName("@Nested in a class with one instance: collects before each inner instance")
    void beforeEachInnerInstanceWhenTheEnclosingOneIsShared() {
        EVENTS.clear();
        run(SharedEnclosingTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(EVENTS).containsExactly("construct outer", "collect", "construct inner", "measured true",
                "collect", "construct inner", "measured true");
    }

    @Test
    @DisplayName("a PerfContext asked for by a constructor is refused with the reason")
    void notIntoAConstructor() {
        EVENTS.clear();
        assertThat(run(ConstructorInjectionTestCase.class).testEvents().failed().list()).singleElement()
                .extracting(PerfTestKit::message).asString()
                .contains("PerfContext can only be injected into a test method");
    }

    @Test
    @DisplayName("does not collect when the run is disabled")
    void notWhenDisabled() {
        EVENTS.clear();
        run(PerMethodTestCase.class, "perf.junit.mode", "disabled").testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(EVENTS).doesNotContain("collect");
    }
}
