package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Direction;
import org.perfjunit.MinThroughput;
import org.perfjunit.PerfAssertions;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 2: time only a region with {@link PerfContext}. Set-up stays outside the measurement;
 * {@code perf.measure} returns the last result so the test can still assert on it; phases split
 * the time of one operation; counters turn into rates ({@code values.rate} in values/s).
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C02RegionTimingTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C02RegionTimingTest {

    @Test
    @Performance
    @MinThroughput(value = 10_000, counter = "values")
    @SuppressWarnings("try") // phases are closed by try-with-resources only for their timing
    void normalizesAVector(PerfContext perf) {
        double[] v = new SplittableRandom(1).doubles(4096).toArray(); // set-up: not measured

        double[] unit = perf.measure(() -> {
            double norm;
            try (var phase = perf.phase("norm")) {
                double s = 0;
                for (double x : v) {
                    s += x * x;
                }
                norm = Math.sqrt(s);
            }
            try (var phase = perf.phase("scale")) {
                double[] out = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    out[i] = v[i] / norm;
                }
                return out;
            }
        });
        perf.counter("values", v.length);
        perf.metric("unit_norm_error", Math.abs(1 - norm(unit)), Direction.LOWER_IS_BETTER);

        assertThat(norm(unit)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        PerfAssertions.assertThat(perf.result()).hasMedianBelow(Duration.ofMillis(50));
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
