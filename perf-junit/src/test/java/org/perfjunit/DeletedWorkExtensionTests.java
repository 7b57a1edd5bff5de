package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.message;
import static org.perfjunit.PerfTestKit.run;

/**
 * Deleted work fails the test on every way of measuring. The overloads run on a frozen fake clock
 * (an invocation takes no time at all, as in a loop the JIT emptied); one test runs the real empty lambda.
 */
@DisplayName("Deleted work through the extension")
class DeletedWorkExtensionTests {

    /** Invocations take 0 ns: every batch lasts the 1 ns of a clock read, whatever its size. */
    static final class Frozen extends ScriptedClock.Extension {
        Frozen() {
            super(0);
        }
    }

    @ExtendWith(Frozen.class)
    static class FrozenTestCase {
        @Test
        @Performance(batchSize = 1000, iterations = 5, warmupIterations = 1)
        void voidLambda(PerfContext perf, ScriptedClock clock) {
            perf.measure(clock::invoke);
        }

        @Test
        @Performance(batchSize = 1000, iterations = 5, warmupIterations = 1)
        void supplier(PerfContext perf, ScriptedClock clock) {
            perf.measure(() -> {
                clock.invoke();
                return "value";
            });
        }

        @Test
        @Performance(batchSize = 1000, iterations = 5, warmupIterations = 1)
        void measureDouble(PerfContext perf, ScriptedClock clock) {
            perf.measureDouble(() -> {
                clock.invoke();
                return 1.5;
            });
        }

        @Test
        @Performance(batchSize = 1000, iterations = 5, warmupIterations = 1)
        void measureLong(PerfContext perf, ScriptedClock clock) {
            perf.measureLong(() -> {
                clock.invoke();
                return 7L;
            });
        }

        @Test
        @Performance(batchSize = 1000, iterations = 5, warmupIterations = 1)
        void wholeBody(ScriptedClock clock) {
            clock.invoke();
        }
    }

    static class EmptyLambdaTestCase {
        @Test
        @Performance
        void emptyLambda(PerfContext perf) {
            perf.measure(() -> {
            });
        }
    }

    @Test
    @DisplayName("every overload (void lambda, supplier, measureDouble, measureLong, whole body) fails with the deleted-work message")
    void everyOverloadFails() {
        EngineExecutionResults results = run(FrozenTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(5).failed(5));
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).extracting(e -> e.getTestDescriptor().getDisplayName()).containsExactlyInAnyOrder(
                "voidLambda(PerfContext, ScriptedClock)", "supplier(PerfContext, ScriptedClock)",
                "measureDouble(PerfContext, ScriptedClock)", "measureLong(PerfContext, ScriptedClock)",
                "wholeBody(ScriptedClock)");
        assertThat(failed).allSatisfy(e -> assertThat(message(e))
                .startsWith("Deleted work: measured [0.00100 ns] per invocation, below [0.1 ns]")
                .contains("Return the value from the operation"));
        assertThat(entries(results, "perf.outcome")).as("nothing is recorded for deleted work").isEmpty();
    }

    @Test
    @DisplayName("perf.measure(() -> {}) at the default settings fails: the JIT removes an empty loop")
    void realEmptyLambdaFails() {
        EngineExecutionResults results = run(EmptyLambdaTestCase.class, "perf.junit.warmup.iterations", "-1",
                "perf.junit.measurement.iterations", "-1", "perf.junit.measurement.sample.time", "1ms");
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).startsWith("Deleted work: ")
                .contains("perf.measureDouble(...) or perf.measureLong(...)");
    }
}
