package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Under full JUnit concurrency a performance test runs alone: its annotations carry JUnit's global
 * read-write lock ({@code @ResourceLock(GLOBAL, READ_WRITE)}, what {@code @Isolated} uses), so noisy
 * neighbours never run while it measures and their allocation is never charged to it.
 */
@DisplayName("Under parallel execution a performance test")
class ParallelIsolationTests {

    /** Neighbour tests running right now, and the most the performance test ever saw. */
    static final AtomicInteger neighboursRunning = new AtomicInteger();
    static final AtomicInteger neighboursSeen = new AtomicInteger();
    static volatile Object sink;

    /** Allocates about 50 MB each, for a few hundred milliseconds. */
    static class NoisyNeighbourTestCase {
        @Test
        void allocatesA() {
            allocate();
        }

        @Test
        void allocatesB() {
            allocate();
        }

        @Test
        void allocatesC() {
            allocate();
        }

        private static void allocate() {
            neighboursRunning.incrementAndGet();
            try {
                long until = System.nanoTime() + 300_000_000L;
                while (System.nanoTime() < until) {
                    sink = new byte[64 * 1024];
                }
            } finally {
                neighboursRunning.decrementAndGet();
            }
        }
    }

    static class ZeroAllocationTestCase {
        static long counter;

        @Test
        @Performance(iterations = 20, batchSize = 1000)
        void countsWithoutAllocating() {
            neighboursSeen.accumulateAndGet(neighboursRunning.get(), Math::max);
            counter++;
        }

        @Test
        @MaxMemory(value = 1, unit = MemoryUnit.KIB)
        void countsWithoutAllocatingAgain() {
            neighboursSeen.accumulateAndGet(neighboursRunning.get(), Math::max);
            counter++;
        }
    }

    @Test
    @DisplayName("never overlaps an allocating neighbour and reads no allocation of theirs")
    void isolatedFromNoisyNeighbours() {
        neighboursSeen.set(0);
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .configurationParameter("perf.junit.warmup.iterations", "2")
                .configurationParameter("perf.junit.measurement.iterations", "20")
                .configurationParameter("perf.junit.report.dir", "target/perf-junit-tests")
                .selectors(selectClass(NoisyNeighbourTestCase.class), selectClass(ZeroAllocationTestCase.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.succeeded(5).failed(0));
        assertThat(neighboursSeen).as("neighbours running while a performance test ran").hasValue(0);
        assertThat(PerfTestKit.entries(results, "perf.allocated")).hasSize(2)
                .allSatisfy(a -> assertThat(a).as("allocated/op").matches("(median )?0 B.*"));
    }
}
