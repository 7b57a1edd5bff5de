package org.perfjunit.examples.course;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfjunit.MaxDuration;
import org.perfjunit.MinThroughput;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;
import org.perfjunit.sim.tensor.TernaryKernel;
import org.perfjunit.sim.tensor.TernaryModel;
import org.perfjunit.sim.tensor.TernaryModelSpec;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 9: concurrent load with {@code @Performance(threads = 2)}. The operation runs on two
 * threads at once, in rounds; throughput is the total over both threads and the time per operation
 * is what each caller sees under contention. The operation must be thread-safe: here each
 * invocation opens its own session on a shared, immutable ternary model (a server handling two
 * requests). Compare the report with a {@code threads = 1} run to see the cost of sharing the cores.
 * Limits stay loose: other processes share the same two cores.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C09ConcurrentLoadTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class C09ConcurrentLoadTest {

    private static final int[] PROMPT = {1, 2, 3};

    private TernaryModel model;

    @BeforeAll
    void load() {
        model = TernaryModel.load(TernaryModelSpec.small());
    }

    @Test
    @Performance(threads = 2, iterations = 20, maxTime = "3s")
    @MinThroughput(value = 20, per = TimeUnit.SECONDS)
    @MaxDuration(value = 250, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
    void servesTwoRequestsAtOnce() {
        int[] tokens = model.newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 8);
        assertThat(tokens).hasSize(8);
    }
}
