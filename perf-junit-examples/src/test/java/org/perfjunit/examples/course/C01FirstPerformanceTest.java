package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.MaxDuration;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 1: the first performance test. An ordinary JUnit test plus {@code @Performance} is
 * measured: warm-up until steady state, then samples until the median is known to 1%. The limit
 * is generous on purpose (a noisy 2-core CI machine sorts 100k ints in ~6 ms): a limit guards
 * against disasters; regressions are the baselines' job (lesson 10).
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C01FirstPerformanceTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C01FirstPerformanceTest {

    private final int[] data = new SplittableRandom(42).ints(100_000).toArray();

    @Test
    @Performance
    @MaxDuration(value = 100, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
    void sortsOneHundredThousandInts() {
        int[] copy = data.clone();
        Arrays.sort(copy);
        assertThat(copy[0]).isLessThanOrEqualTo(copy[copy.length - 1]);
    }
}
