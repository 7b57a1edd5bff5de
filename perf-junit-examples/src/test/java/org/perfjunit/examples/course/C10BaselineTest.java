package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.Baseline;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 10: baselines. The first run records each test's measurement under
 * {@code baselines/<machine kind>/org.perfjunit.examples.course.C10BaselineTest.json} (verdict NEW);
 * commit that folder. Later runs compare against it: a regression whose whole confidence interval
 * lies past the critical threshold fails, with the command to accept it if it was intended.
 *
 * <p>The time threshold here is 50%: CI runs on shared 2-core machines whose speed drifts between
 * runs by more than the default 15%. Allocation is deterministic, so its default (critical 10%) stays.
 * Where drift matters, compare two implementations in the same run instead: {@code against} measures
 * this test and the named reference in alternating rounds, so drift cancels out.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C10BaselineTest -Dsurefire.failIfNoSpecifiedTests=false};
 * accept a change: add {@code -Dperf.junit.baseline.mode=update}; try a slowdown: make {@code insertionSortShort}
 * do its work twice and run again.
 */
@Performance
class C10BaselineTest {

    private final int[] data = new SplittableRandom(3).ints(2_000).toArray();

    @Test
    @Baseline(critical = "time=50%", warning = "time=20%")
    void sortsAgainstTheCommittedBaseline(PerfContext perf) {
        int[] sorted = perf.measure(() -> {
            int[] copy = data.clone();
            Arrays.sort(copy);
            return copy;
        });
        assertThat(sorted[0]).isLessThanOrEqualTo(sorted[sorted.length - 1]);
    }

    @Test
    @Baseline(against = "insertionSortShort")
    void dualPivotQuicksortBeatsInsertionSort(PerfContext perf) {
        perf.measure(() -> {
            int[] copy = Arrays.copyOf(data, 500);
            Arrays.sort(copy);
            return copy;
        });
    }

    /** The reference implementation the test above is paired with. */
    int[] insertionSortShort() {
        int[] a = Arrays.copyOf(data, 500);
        for (int i = 1; i < a.length; i++) {
            int v = a[i];
            int j = i - 1;
            while (j >= 0 && a[j] > v) {
                a[j + 1] = a[j];
                j--;
            }
            a[j + 1] = v;
        }
        return a;
    }
}
