package org.perfjunit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Under full JUnit concurrency a performance test runs alone: its annotations carry JUnit's global
 * read-write lock ({@code @ResourceLock(GLOBAL, READ_WRITE)}, what {@code @Isolated} uses), so noisy
 * neighbours never run while it measures and their allocation is never charged to it.
 *
 * <p>Deterministic either way: the performance class waits (up to {@link #WAIT_SECONDS}) for a neighbour
 * to be running, and every neighbour allocates until the performance class has finished (or as long). With
 * the lock one of the two waits runs out, because the other side cannot start, and nothing overlaps.
 * Without it (checked by removing the lock from the annotations) they always overlap: the performance
 * tests read the neighbours' allocation and {@link #neighboursSeen} is non-zero, so this test fails.
 */
@DisplayName("Under parallel execution a performance test")
class ParallelIsolationTests {

    /** How long each side waits for the other; spent once per run with the lock, never without. */
    static final int WAIT_SECONDS = 2;
    /** Neighbour tests running right now, and the most the performance test ever saw. */
    static final AtomicInteger neighboursRunning = new AtomicInteger();
    static final AtomicInteger neighboursSeen = new AtomicInteger();
    static volatile CountDownLatch neighbourStarted = new CountDownLatch(1);
    static volatile CountDownLatch performanceFinished = new CountDownLatch(1);
    static volatile Object sink;

    /** Allocates continuously until the performance tests have finished, or for {@link #WAIT_SECONDS}. */
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
            neighbourStarted.countDown();
            try {
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                while (performanceFinished.getCount() > 0 && System.nanoTime() < until) {
                    sink = new byte[64 * 1024];
                }
            } finally {
                neighboursRunning.decrementAndGet();
            }
        }
    }

    static class ZeroAllocationTestCase {
        static long counter;

        @BeforeAll
        static void awaitANeighbour() throws InterruptedException {
            // without the lock a neighbour is then running throughout the measurements; with it, none can start
            neighbourStarted.await(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        @AfterAll
        static void releaseTheNeighbours() {
            performanceFinished.countDown();
        }

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
        neighbourStarted = new CountDownLatch(1);
        performanceFinished = new CountDownLatch(1);
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
