package org.perfjunit.engine;

import org.perfjunit.stats.SummaryCalculator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent load: each round, N threads start together and each runs one batch. Each thread's
 * batch is a latency sample; the round's wall time gives total throughput. Allocation and GC are
 * read over the whole round (all threads) and split evenly across its samples.
 */
final class ConcurrentRounds implements AutoCloseable {

    record Result(List<Sample> samples, long[] roundNanos, String stopReason, Object lastResult) {
    }

    private final TimeSource time;
    private final ResourceProbe resources;
    private final int threads;
    private final ExecutorService pool;
    private final SamplingListener listener;

    ConcurrentRounds(TimeSource time, ResourceProbe resources, int threads, SamplingListener listener) {
        this.time = time;
        this.listener = listener;
        this.resources = resources;
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "perf-junit-load-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    Result run(Operation operation, long batch, long allocationOverhead, SamplerSettings settings) throws Throwable {
        List<Sample> samples = new ArrayList<>();
        List<Long> rounds = new ArrayList<>();
        long start = time.nanoTime();
        int maxRounds = settings.iterations() > 0 ? settings.iterations()
                : Math.max(2, settings.maxSamples() / threads);
        int minRounds = settings.iterations() > 0 ? settings.iterations() : Math.max(2, settings.minSamples() / threads);
        Object last = null;
        String reason = settings.iterations() > 0 ? "iterations" : "max_samples";
        for (int round = 0; round < maxRounds; round++) {
            last = round(operation, batch, allocationOverhead, samples, rounds);
            long elapsed = time.nanoTime() - start;
            if (round + 1 >= minRounds && elapsed >= settings.maxTime().toNanos()) {
                reason = "max_time";
                break;
            }
            if (settings.iterations() <= 0 && round + 1 >= minRounds && elapsed >= settings.minTime().toNanos()
                    && SummaryCalculator.summarize(
                            samples.stream().mapToDouble(Sample::nanosPerOperation).toArray())
                            .relativeMedianCiHalfWidth() <= settings.targetPrecision()) {
                reason = "converged";
                break;
            }
        }
        return new Result(samples, rounds.stream().mapToLong(Long::longValue).toArray(), reason, last);
    }

    private Object round(Operation operation, long batch, long allocationOverhead, List<Sample> samples,
                         List<Long> rounds) throws Throwable {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Object[]>> futures = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                Blackhole blackhole = new Blackhole();
                go.await();
                long cpu0 = time.currentThreadCpuTime();
                long t0 = time.nanoTime();
                try {
                    operation.run(batch, blackhole);
                } catch (Throwable failure) {
                    throw new OperationFailed(failure);
                }
                long t1 = time.nanoTime();
                long cpu1 = time.currentThreadCpuTime();
                return new Object[] {t1 - t0, cpu0 < 0 || cpu1 < 0 ? -1L : cpu1 - cpu0, blackhole};
            }));
        }
        long alloc0 = resources.allocatedBytes();
        long gc0 = resources.gcCount();
        long gcTime0 = resources.gcMillis();
        long r0 = time.nanoTime();
        go.countDown();
        List<Object[]> results = new ArrayList<>(threads);
        for (Future<Object[]> f : futures) {
            try {
                results.add(f.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof OperationFailed failed ? failed.getCause() : e.getCause();
            }
        }
        long r1 = time.nanoTime();
        long alloc1 = resources.allocatedBytes();
        long allocated = alloc0 < 0 || alloc1 < 0 ? -1 : Math.max(0, alloc1 - alloc0 - allocationOverhead);
        long gc = resources.gcCount() - gc0;
        long gcTime = resources.gcMillis() - gcTime0;
        rounds.add(Math.max(1, r1 - r0));
        Object last = null;
        for (int t = 0; t < threads; t++) {
            Object[] r = results.get(t);
            samples.add(new Sample(Math.max(1, (Long) r[0]), (Long) r[1], allocated < 0 ? -1 : allocated / threads,
                    t == 0 ? gc : 0, t == 0 ? gcTime : 0, batch));
            last = ((Blackhole) r[2]).last(); // boxed again only now, outside the measured round
        }
        return last;
    }

    /** Carries whatever the operation threw across the Callable boundary, unchanged. */
    private static final class OperationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        OperationFailed(Throwable cause) {
            super(cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
