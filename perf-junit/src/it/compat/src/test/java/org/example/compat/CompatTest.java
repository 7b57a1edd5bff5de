package org.example.compat;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfjunit.MaxDuration;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryUnit;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import static org.assertj.core.api.Assertions.assertThat;

/** The features a consumer meets first: whole-body and region measuring, limits, parameterized tests. */
class CompatTest {

    private final int[] data = new Random(42).ints(10_000).toArray();

    @Test
    @Performance(warmupIterations = 1, iterations = 3, batchSize = 10)
    @MaxDuration(value = 1, unit = TimeUnit.SECONDS)
    void wholeBody() {
        int[] copy = data.clone();
        Arrays.sort(copy);
        assertThat(copy[0]).isLessThanOrEqualTo(copy[copy.length - 1]);
    }

    @Test
    @Performance(warmupIterations = 1, iterations = 3, batchSize = 10)
    @MaxMemory(value = 1, unit = MemoryUnit.MIB)
    void region(PerfContext perf) {
        int[] sorted = perf.measure(() -> {
            int[] copy = data.clone();
            Arrays.sort(copy);
            return copy;
        });
        assertThat(sorted).hasSize(data.length);
        assertThat(perf.result().samples()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1000})
    @Performance(warmupIterations = 1, iterations = 3, batchSize = 10)
    void parameterized(int n) {
        assertThat(Arrays.stream(data, 0, n).sum()).isNotNull();
    }
}
