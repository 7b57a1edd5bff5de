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

    /**
     * The real JIT: C2 removes an empty loop once it compiles it. 300 warm-up batches of 10^7 give it
     * up to about a second of C1-compiled batches to do so even in this busy test JVM, where other
     * tests' compilations queue ahead of ours (at the defaults, warm-up can end on C1 code here).
     */
    static class EmptyLambdaTestCase {
        @Test
        @Performance(batchSize = 10_000_000, warmupIterations = 300, iterations = 5)
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
        assertThat(entries(results, "perf.time")).as("no figure is recorded for deleted work").isEmpty();
        assertThat(entries(results, "perf.outcome")).as("the failed test is still reported")
                .allSatisfy(o -> assertThat(String.valueOf(o)).startsWith("failed: Deleted work"));
    }

    @Test
    @DisplayName("the real perf.measure(() -> {}) fails once the JIT has removed the empty loop")
    void realEmptyLambdaFails() {
        EngineExecutionResults results = run(EmptyLambdaTestCase.class);
        results.testEvents().assertStatistics(s -> s.started(1).failed(1));
        assertThat(message(results.testEvents().failed().list().get(0))).startsWith("Deleted work: measured [")
                .contains("perf.measureDouble(...) or perf.measureLong(...)");
    }
}
