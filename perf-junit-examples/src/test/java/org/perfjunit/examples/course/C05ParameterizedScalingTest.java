package org.perfjunit.examples.course;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfjunit.model.Complexity;
import org.perfjunit.ExpectComplexity;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 5: parameterized scaling and {@code @ExpectComplexity}. A {@code @ParameterizedTest} that is
 * also a performance test is measured once per size; after the last size perf-junit fits the medians
 * to O(1) … O(n³) and publishes the fit (report entry {@code perf.complexity}, a scaling curve in the
 * HTML report). {@code @ExpectComplexity} declares the worst acceptable class: sorting is O(n log n),
 * so a change that made it quadratic would fail the whole parameterized test, whatever the machine's
 * speed. Rules of thumb: at least 5 sizes spanning a factor of 16; keep each size's measurement short;
 * on a shared machine declare one class of headroom for linear work (O(n log n)), because each size
 * is measured at a different moment and load drift between them bends the curve.
 * (Baselines are lesson 10.)
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C05ParameterizedScalingTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C05ParameterizedScalingTest {

    @ParameterizedTest(name = "n = {0}")
    @ValueSource(ints = {20_000, 40_000, 80_000, 160_000, 320_000})
    @Performance(iterations = 10, maxTime = "2s")
    @ExpectComplexity(Complexity.O_N_LOG_N)
    void sortsInLinearithmicTime(int n, PerfContext perf) {
        int[] data = new SplittableRandom(n).ints(n).toArray();

        int[] sorted = perf.measure(() -> {
            int[] copy = data.clone();
            Arrays.sort(copy);
            return copy;
        });

        assertThat(sorted[0]).isLessThanOrEqualTo(sorted[n - 1]);
    }
}
