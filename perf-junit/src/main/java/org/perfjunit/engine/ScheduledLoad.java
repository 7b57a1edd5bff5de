package org.perfjunit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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
 */
public final class ScheduledLoad {

    /** Warm-up length when no fixed warm-up count is configured. */
    static final long DEFAULT_WARMUP_MILLIS = 1000;

    /**
     * @param measurement  per-invocation samples (wall time = latency from intended start)
     * @param serviceNanos per-invocation service time, ns, in schedule order
     * @param targetRate   intended invocations per second
     * @param achievedRate completed invocations per second, from the first intended start to the last completion
     */
    public record Result(Measurement measurement, double[] serviceNanos, double targetRate, double achievedRate) {
    }

    private record Invocation(long intended, long started, long finished, long cpuNanos) {
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
            blackhole.consume(operation.invoke());
            warmups++;
        }
        long warmupNanos = time.nanoTime() - warmupStart;
        int threads = settings.threads();
        double interval = 1e9 / ratePerSecond;
        long total = settings.iterations() > 0 ? settings.iterations()
                : Math.max(2L * threads, (long) Math.ceil(ratePerSecond * settings.minTime().toNanos() / 1e9));

        listener.samplingStarted();
        long alloc0 = resources.allocatedBytes();
        long gc0 = resources.gcCount();
        long gcTime0 = resources.gcMillis();
        long start = time.nanoTime();
        long stopIssuing = start + settings.maxTime().toNanos();
        List<List<Invocation>> perThread = new ArrayList<>();
        AtomicReference<Object> last = new AtomicReference<>();
        if (threads == 1) {
            try {
                perThread.add(issue(operation, 0, 1, total, start, interval, stopIssuing, last));
            } catch (OperationFailed failed) {
                throw failed.getCause();
            }
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "perf-junit-rate");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<List<Invocation>>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int first = t;
                    futures.add(pool.submit(() -> issue(operation, first, threads, total, start, interval, stopIssuing, last)));
                }
                for (Future<List<Invocation>> f : futures) {
                    try {
                        perThread.add(f.get());
                    } catch (ExecutionException e) {
                        throw e.getCause() instanceof OperationFailed failed ? failed.getCause() : e.getCause();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        long end = time.nanoTime();
        listener.samplingFinished();
        long alloc1 = resources.allocatedBytes();
        List<Invocation> all = new ArrayList<>();
        perThread.forEach(all::addAll);
        all.sort(Comparator.comparingLong(Invocation::intended));
        int n = all.size();
        long allocated = alloc0 < 0 || alloc1 < 0 ? -1 : Math.max(0, alloc1 - alloc0);
        List<Sample> samples = new ArrayList<>(n);
        double[] service = new double[n];
        long lastFinish = start;
        for (int i = 0; i < n; i++) {
            Invocation inv = all.get(i);
            samples.add(new Sample(Math.max(1, inv.finished() - inv.intended()), inv.cpuNanos(),
                    allocated < 0 ? -1 : allocated / n, i == 0 ? resources.gcCount() - gc0 : 0,
                    i == 0 ? resources.gcMillis() - gcTime0 : 0, 1));
            service[i] = Math.max(1, inv.finished() - inv.started());
            lastFinish = Math.max(lastFinish, inv.finished());
        }
        String reason = n < total ? "max_time" : "schedule";
        double achieved = n * 1e9 / Math.max(1, lastFinish - start);
        Measurement measurement = new Measurement(samples, new long[0], 1, threads, warmups, warmupNanos,
                settings.warmupIterations() >= 0, reason, end - start, 1, last.get());
        return new Result(measurement, service, ratePerSecond, achieved);
    }

    /** One thread's share of the schedule: invocations first, first + step, ... below total. */
    private List<Invocation> issue(Operation operation, int first, int step, long total, long start, double interval,
                                   long stopIssuing, AtomicReference<Object> last) throws Exception {
        Blackhole blackhole = new Blackhole();
        List<Invocation> done = new ArrayList<>();
        for (long k = first; k < total; k += step) {
            long intended = start + Math.round(k * interval);
            pacer.awaitUntil(intended);
            long cpu0 = time.currentThreadCpuTime();
            long t0 = time.nanoTime();
            if (t0 >= stopIssuing && !done.isEmpty()) {
                break;
            }
            Object result;
            try {
                result = operation.invoke();
            } catch (Throwable failure) {
                throw new OperationFailed(failure);
            }
            long t1 = time.nanoTime();
            long cpu1 = time.currentThreadCpuTime();
            blackhole.consume(result);
            last.set(result);
            done.add(new Invocation(intended, t0, t1, cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0));
        }
        return done;
    }

    /** Carries whatever the operation threw across the Callable boundary, unchanged. */
    private static final class OperationFailed extends Exception {
        private static final long serialVersionUID = 1L;

        OperationFailed(Throwable cause) {
            super(cause);
        }
    }
}
