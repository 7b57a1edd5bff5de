package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 3: dead-code elimination and warm-up, wrong versus right.
 *
 * <p>WRONG: a body whose result nobody uses. The JIT may delete the loop, and the "measurement"
 * becomes the cost of nothing. Cold code: the first calls run in the interpreter, so timing them
 * measures the JIT, not your code.
 *
 * <p>RIGHT: return the result from {@code perf.measure}; perf-junit consumes every returned value
 * (a blackhole, as JMH does) so the work cannot be removed, and it warms up until the JIT has
 * stopped compiling and consecutive windows agree ({@code steadyState} in the report).
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C03DeadCodeAndWarmupTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C03DeadCodeAndWarmupTest {

    private final double[] data = new SplittableRandom(7).doubles(100_000).toArray();

    @Test
    @Performance(warmupIterations = 0)
    void wrongResultDiscardedAndNoWarmup() {
        double s = 0;
        for (double x : data) {
            s += Math.sqrt(x);
        }
        // s is dropped: the JIT is free to skip the loop. Compare this test's time with the next one.
    }

    @Test
    @Performance
    void rightResultConsumedAfterWarmup(PerfContext perf) {
        double s = perf.measure(() -> {
            double acc = 0;
            for (double x : data) {
                acc += Math.sqrt(x);
            }
            return acc;
        });
        assertThat(s).isPositive();
    }
}
