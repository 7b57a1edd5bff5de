package org.perfjunit.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Load at a target rate, with latency corrected for coordinated omission (as wrk2 and
 * HdrHistogram do). Invocation {@code k} is due at {@code start + k / rate}; the threads share the
 * schedule round-robin (thread {@code t} issues {@code k = t, t + N, ...}), one invocation at a time
 * (batch 1). A thread that falls behind starts its next invocation at once instead of skipping it,
 * and each invocation's latency is measured from its <em>intended</em> start, so a stall charges
 * every invocation queued behind it, not just the one that stalled.
 *
 * <p>The resulting {@link Measurement} has one sample per invocation whose wall time is that
 * corrected latency; {@link Result#serviceNanos()} keeps the uncorrected service times.
 * Warm-up: {@link SamplerSettings#warmupIterations()} unpaced invocations, or, when -1, unpaced
 * invocations for {@value #DEFAULT_WARMUP_MILLIS} ms (capped by the warm-up time). Length: the
 * fixed number of {@link SamplerSettings#iterations()} invocations when set, else as many as the
 * rate issues in {@link SamplerSettings#minTime()} (at least two per thread); issuing stops early
 * at {@link SamplerSettings#maxTime()}.
 *
 * <p>Bounded memory: at most {@value #MAX_RECORDED_INVOCATIONS} invocations are recorded. Beyond
 * that each thread keeps a uniform reservoir sample (Algorithm R, seeded, so a rerun with the same
 * timings keeps the same invocations); the invocation count, achieved rate and allocation per
 * invocation stay exact, the latency percentiles, mean and max are those of the reservoir.
 */
final class ScheduledLoad {

    /** Warm-up length when no fixed warm-up count is configured. */
    static final long DEFAULT_WARMUP_MILLIS = 1000;
    /**
     * Invocations recorded at most (10 MB of bookkeeping): a longer run keeps a seeded uniform
     * reservoir of this many per run (split over the threads), so memory stays bounded however long it runs.
     */
    static final int MAX_RECORDED_INVOCATIONS = 1 << 18;

    /**
     * @param measurement  per-invocation samples (wall time = latency from intended start); a uniform
     *                     random subset when more than {@value #MAX_RECORDED_INVOCATIONS} invocations ran
     * @param serviceNanos per-invocation service time, ns, in schedule order, for the same invocations
     * @param targetRate   intended invocations per second
     * @param achievedRate completed invocations per second, from the first intended start to the last completion (exact)
     * @param invocations  invocations completed (exact; at least the number of samples)
     */
    public record Result(Measurement measurement, double[] serviceNanos, double targetRate, double achievedRate,
                         long invocations) {
    }

    private final TimeSource time;
    private final ResourceProbe resources;
    private final Pacer pacer;
    private final SamplingListener listener;

    public ScheduledLoad(TimeSource time, ResourceProbe resources, Pacer pacer, SamplingListener listener) {
        this.time = time;
        this.resources = resources;
        this.pacer = pacer;
        this.listener = listener;
    }

    /** A load over the real JVM clocks and counters. */
    public static ScheduledLoad onJvm(SamplingListener listener) {
        JvmProbes probes = new JvmProbes();
        return new ScheduledLoad(probes, probes, Pacer.on(probes), listener);
    }

    /** Warms up, then issues invocations on schedule; the operation's exceptions propagate unchanged. */
    public Result run(Operation operation, SamplerSettings settings, double ratePerSecond) throws Throwable {
        if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
            throw new IllegalArgumentException("rate must be positive, was " + ratePerSecond);
        }
        Blackhole blackhole = new Blackhole();
        long warmupStart = time.nanoTime();
        int warmups = 0;
        long warmupEnd = warmupStart + Math.min(settings.maxWarmup().toNanos(), TimeUnit.MILLISECONDS.toNanos(DEFAULT_WARMUP_MILLIS));
        while (settings.warmupIterations() >= 0 ? warmups < settings.warmupIterations() : time.nanoTime() < warmupEnd) {
            listener.batchStarting();
            blackhole.consume(operation.invoke());
            warmups++;
        }
        long warmupNanos = time.nanoTime() - warmupStart;
        int threads = settings.threads();
        double interval = 1e9 / ratePerSecond;
        long total = settings.iterations() > 0 ? settings.iterations()
                : Math.max(2L * threads, (long) Math.ceil(ratePerSecond * settings.minTime().toNanos() / 1e9));

        // bookkeeping is preallocated and the threads started before the allocation counter is read,
        // so allocated bytes per invocation are the operation's own
        Lane[] lanes = new Lane[threads];
        for (int t = 0; t < threads; t++) {
            lanes[t] = new Lane(t, threads, total, MAX_RECORDED_INVOCATIONS / threads);
        }
        AtomicReference<Object> last = new AtomicReference<>();
        long[] start = new long[1];
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "perf-junit-rate");
            thread.setDaemon(true);
            return thread;
        });
        List<Future<Void>> futures = new ArrayList<>();
        for (int t = 0; pool != null && t < threads; t++) {
            Lane lane = lanes[t];
            futures.add(pool.submit(() -> {
                go.await();
                lane.issue(operation, start[0], interval, start[0] + settings.maxTime().toNanos(), last);
                return null;
            }));
        }
        listener.samplingStarted();
        long alloc0 = resources.allocatedBytes();
        long gc0 = resources.gcCount();
        long gcTime0 = resources.gcMillis();
        start[0] = time.nanoTime();
        try {
            go.countDown();
            if (pool == null) {
                lanes[0].issue(operation, start[0], interval, start[0] + settings.maxTime().toNanos(), last);
            }
            for (Future<Void> f : futures) {
                f.get();
            }
        } catch (OperationFailed failed) {
            throw failed.getCause();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof OperationFailed failed ? failed.getCause() : e.getCause();
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        long end = time.nanoTime();
        listener.samplingFinished();
        long alloc1 = resources.allocatedBytes();
        long gc = resources.gcCount() - gc0;
        long gcMillis = resources.gcMillis() - gcTime0;
        long n = 0;
        long lastFinish = start[0];
        List<long[]> kept = new ArrayList<>(); // {k, lane, slot} of every recorded invocation
        for (Lane lane : lanes) {
            n += lane.count;
            lastFinish = Math.max(lastFinish, lane.lastFinish);
            for (int slot = 0; slot < lane.kept(); slot++) {
                kept.add(new long[] {lane.sequence[slot], lane.first, slot});
            }
        }
        kept.sort((x, y) -> Long.compare(x[0], y[0])); // schedule order, also for reservoir slots
        long allocated = alloc0 < 0 || alloc1 < 0 ? -1 : Math.max(0, alloc1 - alloc0 - probeOverhead());
        List<Sample> samples = new ArrayList<>(kept.size());
        double[] service = new double[kept.size()];
        for (long[] record : kept) {
            Lane lane = lanes[(int) record[1]];
            int slot = (int) record[2];
            int i = samples.size();
            samples.add(new Sample(Math.max(1, lane.finished[slot] - lane.intended[slot]), lane.cpu[slot],
                    allocated < 0 ? -1 : allocated / n, i == 0 ? gc : 0, i == 0 ? gcMillis : 0, 1));
            service[i] = Math.max(1, lane.finished[slot] - lane.started[slot]);
        }
        String reason = n < total ? "max_time" : "schedule";
        double achieved = n * 1e9 / Math.max(1, lastFinish - start[0]);
        Measurement measurement = new Measurement(samples, new long[0], 1, threads, warmups, warmupNanos,
                settings.warmupIterations() >= 0, reason, end - start[0], 1, last.get(), false, false);
        return new Result(measurement, service, ratePerSecond, achieved, n);
    }

    /** Bytes one read of the allocation counter allocates itself (it sums over all threads). */
    private long probeOverhead() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long a0 = resources.allocatedBytes();
            long a1 = resources.allocatedBytes();
            min = Math.min(min, a1 - a0);
        }
        return Math.max(0, min);
    }

    /**
     * One thread's share of the schedule (invocations first, first + step, ... below total), preallocated
     * up to {@code capacity} records; beyond that a seeded reservoir decides which invocations are kept.
     */
    private final class Lane {
        final int first;
        final int step;
        final long total;
        final long[] sequence;
        final long[] intended;
        final long[] started;
        final long[] finished;
        final long[] cpu;
        final Random reservoir;
        long count;
        long lastFinish;

        Lane(int first, int step, long total, int capacity) {
            this.first = first;
            this.step = step;
            this.total = total;
            int size = (int) Math.min(Math.max(1, capacity), Math.max(0, (total - first + step - 1) / step));
            reservoir = new Random(first);
            sequence = new long[size];
            intended = new long[size];
            started = new long[size];
            finished = new long[size];
            cpu = new long[size];
        }

        void issue(Operation operation, long start, double interval, long stopIssuing, AtomicReference<Object> last)
                throws Exception {
            Blackhole blackhole = new Blackhole();
            for (long k = first; k < total; k += step) {
                long due = start + Math.round(k * interval);
                pacer.awaitUntil(due);
                long cpu0 = time.currentThreadCpuTime();
                long t0 = time.nanoTime();
                if (t0 >= stopIssuing && count > 0) {
                    break;
                }
                Object result;
                try {
                    listener.batchStarting();
                    result = operation.invoke();
                } catch (Throwable failure) {
                    throw new OperationFailed(failure);
                }
                long t1 = time.nanoTime();
                long cpu1 = time.currentThreadCpuTime();
                blackhole.consume(result);
                // Algorithm R: invocation number count is kept with probability capacity / (count + 1)
                long slot = count < sequence.length ? count : reservoir.nextLong(count + 1);
                if (slot < sequence.length) {
                    int s = (int) slot;
                    sequence[s] = k;
                    intended[s] = due;
                    started[s] = t0;
                    finished[s] = t1;
                    cpu[s] = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
                }
                lastFinish = Math.max(lastFinish, t1);
                count++;
                if (k + step >= total) {
                    last.set(result);
                }
            }
        }

        /** Invocations recorded (all of them until the reservoir is full). */
        int kept() {
            return (int) Math.min(count, sequence.length);
        }
    }

    /** Carries whatever the operation threw across the Callable boundary, unchanged. */
    private static final class OperationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        OperationFailed(Throwable cause) {
            super(cause);
        }
    }
}
