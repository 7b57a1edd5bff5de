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
 * <p>What is compared, and why not wall time at the default 15%: CI runs on shared 2-core machines
 * whose wall time drifts between runs by far more, so this test compares the measuring thread's CPU
 * time, which other processes' load hardly moves, plus allocation (deterministic; default critical
 * 10%). The CPU-time threshold (the examples' junit-platform.properties: warning +20%, critical +150%)
 * is still wide: a fresh JVM can compile the same sort differently — on the same quiet machine one
 * run in seven measured this sort 1.7x slower than the others. A baseline catches real regressions (doing the work twice); small effects need paired runs:
 * {@code against} measures this test and the named reference in alternating rounds in one JVM, so
 * drift and JIT luck cancel out.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C10BaselineTest -Dsurefire.failIfNoSpecifiedTests=false};
 * accept a change: add {@code -Dperf.junit.baseline.mode=update}; try a slowdown: make {@code insertionSortShort}
 * do its work twice and run again.
 */
@Performance
class C10BaselineTest {

    private final int[] data = new SplittableRandom(3).ints(2_000).toArray();

    @Test
    @Baseline(metrics = {"cpu_time", "allocated"})
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
