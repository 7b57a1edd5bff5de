package org.perfjunit.engine;

import org.apache.commons.math3.stat.StatUtils;
import org.perfjunit.stats.RankSumTests;
import org.perfjunit.stats.SummaryCalculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures an {@link Operation}: calibrates the batch size so a sample lasts well above the timer
 * resolution, warms up until a steady state is detected (or a cap is hit), then samples until the
 * requested count, until the median's confidence interval is tight enough, or until time runs out.
 *
 * <p>Per sample it records wall time, thread CPU time, bytes allocated by all threads and GC
 * activity. Counters are read outside the timed window; the allocation probe's own allocation is
 * calibrated once and subtracted. Every result is consumed by a {@link Blackhole}.
 *
 * <p>With several threads ({@link SamplerSettings#threads()}), calibration and warm-up run on the
 * calling thread and the samples are taken by {@link ConcurrentRounds}. Not thread-safe: one
 * sampler per measurement.
 */
public final class Sampler {

    /** Warm-up compares two consecutive windows of this many batches. */
    static final int WARMUP_WINDOW = 5;
    /** Two warm-up windows agree when their medians differ by at most this (relative)... */
    static final double WARMUP_AGREEMENT = 0.03;
    /** ...or by at most this many noise levels (coefficient of variation of the recent window), whichever is larger. */
    static final double WARMUP_NOISE_FACTOR = 2.0;
    /**
     * Warm-up lasts at least this long (or the whole cap, if smaller): an interpreted loop is also
     * "steady", and the JIT needs tens of thousands of iterations and some milliseconds to compile.
     */
    static final long MIN_WARMUP_NANOS = 200_000_000L;
    /** Calibration's cap: reaching it with a batch still shorter than a sample means the work was deleted. */
    static final long MAX_BATCH = 1L << 30;
    /** Paired rounds: significance at which the older and newer halves' ratios count as drifted. */
    static final double DRIFT_ALPHA = 0.001;
    /** Paired rounds: the least shift of the median log-ratio between the halves that counts as drift (1%). */
    static final double DRIFT_MIN = 0.01;

    private final TimeSource time;
    private final ResourceProbe resources;
    private final Blackhole blackhole = new Blackhole();
    private final SamplingListener listener;

    public Sampler(TimeSource time, ResourceProbe resources, SamplingListener listener) {
        this.time = time;
        this.resources = resources;
        this.listener = listener;
    }

    /** A sampler over the real JVM clocks and counters. */
    public static Sampler onJvm(SamplingListener listener) {
        JvmProbes probes = new JvmProbes();
        return new Sampler(probes, probes, listener);
    }

    /** Runs warm-up and sampling; an exception thrown by the operation propagates unchanged. */
    public Measurement measure(Operation operation, SamplerSettings settings) throws Throwable {
        long resolution = timerResolution(time);
        long target = Math.max(settings.minSampleTime().toNanos(), 1000 * resolution);
        long warmupStart = time.nanoTime();
        long batch = settings.batchSize() > 0 ? settings.batchSize() : calibrate(operation, 1, target, settings);

        Warmup warmup = warmUp(operation, batch, settings);
        if (settings.batchSize() <= 0 && warmup.lastBatchNanos < target) {
            // compiled code is faster than what the first calibration saw: grow the batch again
            batch = calibrate(operation, rescale(batch, warmup.lastBatchNanos, target), target, settings);
        }
        long warmupNanos = time.nanoTime() - warmupStart;

        long allocationOverhead = allocationProbeOverhead();
        long committedBefore = resources.heapCommittedBytes();
        listener.samplingStarted();
        if (settings.threads() > 1) {
            try (ConcurrentRounds rounds = new ConcurrentRounds(time, resources, settings.threads(), listener)) {
                long start = time.nanoTime();
                ConcurrentRounds.Result result = rounds.run(operation, batch, allocationOverhead, settings);
                long measured = time.nanoTime() - start;
                listener.samplingFinished();
                DeletedWork.checkSamples(result.samples());
                return new Measurement(result.samples(), result.roundNanos(), batch, settings.threads(),
                        warmup.iterations, warmupNanos, warmup.steady, result.stopReason(), measured, resolution,
                        result.lastResult(), heapTransient(warmup, committedBefore), false);
            }
        }
        List<Sample> samples = new ArrayList<>();
        long start = time.nanoTime();
        String stopReason;
        Object last;
        while (true) {
            last = sample(operation, batch, allocationOverhead, samples);
            long elapsed = time.nanoTime() - start;
            int n = samples.size();
            if (settings.iterations() > 0) {
                if (n >= settings.iterations()) {
                    stopReason = "iterations";
                    break;
                }
            } else if (n >= settings.minSamples() && elapsed >= settings.minTime().toNanos()
                    && precisionReached(samples, settings.targetPrecision())) {
                stopReason = "converged";
                break;
            } else if (n >= settings.maxSamples()) {
                stopReason = "max_samples";
                break;
            }
            if (elapsed >= settings.maxTime().toNanos() && n >= 2) {
                stopReason = "max_time";
                break;
            }
        }
        long measured = time.nanoTime() - start;
        listener.samplingFinished();
        DeletedWork.checkSamples(samples);
        return new Measurement(samples, new long[0], batch, 1, warmup.iterations, warmupNanos, warmup.steady,
                stopReason, measured, resolution, last, heapTransient(warmup, committedBefore), true);
    }

    /**
     * Paired, interleaved A/B measurement: both operations are calibrated to one common batch size and
     * warmed up together (alternating batches), then measured in alternating rounds (one sample of each per
     * round, order alternating), so drift of the machine affects both alike. With {@code iterations} set,
     * exactly that many rounds.
     * Otherwise sequential: looks at {@code max(30, minSamples)} rounds and at each doubling of it. At a look,
     * pairs whose ratio drifted (the older half differs from the newer, {@link #drifted}: a JIT compilation
     * of one side landed during the rounds) are dropped as late warm-up; otherwise, once the rounds have
     * lasted {@code minTime}, sampling stops if {@code stop} says the pairs decide. At the latest it stops at
     * {@code maxSamples} rounds or {@code maxTime}. Returns the kept pairs: {candidate, reference}
     * per-operation times, then their thread CPU times per operation (negative where not measured).
     */
    public double[][] measurePaired(Operation candidate, Operation reference, SamplerSettings settings,
                                    PairedStop stop) throws Throwable {
        long target = Math.max(settings.minSampleTime().toNanos(), 1000 * timerResolution(time));
        long batchA = calibrate(candidate, 1, target, settings);
        long batchB = calibrate(reference, 1, target, settings);
        warmUpPaired(candidate, batchA, reference, batchB, settings);
        // one batch size for both: the loop's fixed cost per sample weighs the same on each side of a pair
        long batch = Math.max(calibrate(candidate, batchA, target, settings),
                calibrate(reference, batchB, target, settings));
        boolean fixed = settings.iterations() > 0;
        int cap = fixed ? settings.iterations() : Math.max(pairedLook(settings), settings.maxSamples());
        int look = pairedLook(settings);
        List<Sample> a = new ArrayList<>();
        List<Sample> b = new ArrayList<>();
        long start = time.nanoTime();
        for (int r = 1; r <= cap; r++) {
            if (r % 2 == 1) {
                sample(candidate, batch, 0, a);
                sample(reference, batch, 0, b);
            } else {
                sample(reference, batch, 0, b);
                sample(candidate, batch, 0, a);
            }
            if (!fixed && r == look) {
                look *= 2;
                if (drifted(a, b)) {
                    a.subList(0, a.size() / 2).clear();
                    b.subList(0, b.size() / 2).clear();
                } else if (time.nanoTime() - start >= settings.minTime().toNanos() && stop.decided(paired(a, b))) {
                    break;
                }
            }
            if (r >= 3 && time.nanoTime() - start >= settings.maxTime().toNanos()) {
                break;
            }
        }
        return paired(a, b);
    }

    /** Rounds before the first look of sequential paired sampling. */
    static int pairedLook(SamplerSettings settings) {
        return Math.max(30, settings.minSamples());
    }

    /**
     * Whether the per-pair ratio moved during the rounds: the log-ratios of the older and the newer half
     * differ by the Mann-Whitney test at {@value #DRIFT_ALPHA} and their medians by more than
     * {@value #DRIFT_MIN}. Shared machine noise cancels within a pair; what does not is one side changing
     * speed, e.g. a JIT compilation of the base still pending after warm-up on a loaded machine.
     */
    static boolean drifted(List<Sample> a, List<Sample> b) {
        int half = a.size() / 2;
        double[] older = new double[half];
        double[] newer = new double[a.size() - half];
        for (int i = 0; i < a.size(); i++) {
            double lr = Math.log(a.get(i).nanosPerOperation() / b.get(i).nanosPerOperation());
            if (i < half) {
                older[i] = lr;
            } else {
                newer[i - half] = lr;
            }
        }
        double shift = Math.abs(StatUtils.percentile(older, 50) - StatUtils.percentile(newer, 50));
        return shift > DRIFT_MIN && RankSumTests.mannWhitney(older, newer).pValue() < DRIFT_ALPHA;
    }

    private static double[][] paired(List<Sample> a, List<Sample> b) {
        return new double[][] {a.stream().mapToDouble(Sample::nanosPerOperation).toArray(),
                b.stream().mapToDouble(Sample::nanosPerOperation).toArray(), cpuPerOperation(a), cpuPerOperation(b)};
    }

    /** Thread CPU time per operation of each sample; negative where the JVM does not measure it. */
    private static double[] cpuPerOperation(List<Sample> samples) {
        return samples.stream().mapToDouble(s -> s.cpuNanos() < 0 ? -1 : (double) s.cpuNanos() / s.operations()).toArray();
    }

    private Object sample(Operation operation, long batch, long allocationOverhead, List<Sample> into) throws Throwable {
        listener.batchStarting();
        long alloc0 = resources.allocatedBytes();
        long gc0 = resources.gcCount();
        long gcTime0 = resources.gcMillis();
        long cpu0 = time.currentThreadCpuTime();
        long t0 = time.nanoTime();
        operation.run(batch, blackhole);
        long t1 = time.nanoTime();
        long cpu1 = time.currentThreadCpuTime();
        long gc1 = resources.gcCount();
        long gcTime1 = resources.gcMillis();
        long alloc1 = resources.allocatedBytes();
        long allocated = alloc0 < 0 || alloc1 < 0 ? -1 : Math.max(0, alloc1 - alloc0 - allocationOverhead);
        long cpu = cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0;
        into.add(new Sample(Math.max(1, t1 - t0), cpu, allocated, gc1 - gc0, gcTime1 - gcTime0, batch));
        return blackhole.last();
    }

    /** Doubles (or scales) the batch until one batch lasts at least {@code target} ns. */
    private long calibrate(Operation operation, long initialBatch, long target, SamplerSettings settings) throws Throwable {
        long deadline = time.nanoTime() + settings.maxWarmup().toNanos() / 2;
        long batch = initialBatch;
        while (true) {
            long nanos = timeBatch(operation, batch);
            if (nanos >= target && batch > 1) {
                nanos = Math.min(nanos, timeBatch(operation, batch)); // one GC pause must not settle the batch size
            }
            if (nanos >= target || batch >= MAX_BATCH || time.nanoTime() >= deadline) {
                DeletedWork.checkCalibration(batch, MAX_BATCH, nanos, target);
                return batch;
            }
            batch = rescale(batch, nanos, target);
        }
    }

    private static long rescale(long batch, long nanos, long target) {
        double factor = nanos <= 0 ? 10 : Math.min(10, Math.max(2, 1.2 * target / nanos));
        return Math.min(MAX_BATCH, (long) Math.ceil(batch * factor));
    }

    private long timeBatch(Operation operation, long batch) throws Throwable {
        listener.batchStarting();
        long t0 = time.nanoTime();
        operation.run(batch, blackhole);
        return time.nanoTime() - t0;
    }

    /** @param heapSettled false when detected warm-up hit its cap before the heap settled ({@link HeapSettling}) */
    private record Warmup(int iterations, boolean steady, long lastBatchNanos, boolean heapSettled) {
    }

    /** The heap had not settled by the end of warm-up, or the collector resized it while samples were taken. */
    private boolean heapTransient(Warmup warmup, long committedBefore) {
        return !warmup.heapSettled || committedBefore != resources.heapCommittedBytes();
    }

    /**
     * Runs batches until the last two windows agree (their medians within the larger of
     * {@link #WARMUP_AGREEMENT} and {@link #WARMUP_NOISE_FACTOR} x their noise), no JIT
     * compilation happened during the last window and the heap has settled ({@link HeapSettling});
     * gives up at the cap with steady=false, or at twice the cap while a heap that has not settled may still be
     * paging memory in ({@link HeapSettling#pagingIn}: resized during the warm-up, or still meeting fresh pages).
     */
    private Warmup warmUp(Operation operation, long batch, SamplerSettings settings) throws Throwable {
        return warmUp(new Operation[] {operation}, new long[] {batch}, settings, settings.maxWarmup().toNanos());
    }

    /**
     * Warms both sides of a pair up together, one batch of each per round in alternating order, until both are
     * steady and the heap has settled, or until twice the warm-up cap (one cap per side, as when they warmed up
     * one after the other). Together, because the JIT compiles each side with the type profiles of the shared
     * code (JDK collections, streams, lambdas' call sites) as they are when the side gets hot: a side warmed up
     * first compiles against profiles only it has fed, the other against profiles both have, and the two copies
     * of identical code then run up to a third apart for the whole measurement.
     */
    private void warmUpPaired(Operation candidate, long batchA, Operation reference, long batchB,
                              SamplerSettings settings) throws Throwable {
        warmUp(new Operation[] {candidate, reference}, new long[] {batchA, batchB}, settings,
                2 * settings.maxWarmup().toNanos());
    }

    /**
     * The warm-up of {@link #warmUp(Operation, long, SamplerSettings)} for one or more sides, each round one batch
     * of each side (in reverse order every other round), until every side is steady, or until {@code capNanos}.
     * The returned batch time is the first side's.
     */
    private Warmup warmUp(Operation[] sides, long[] batches, SamplerSettings settings, long capNanos) throws Throwable {
        if (settings.warmupIterations() >= 0) {
            long last = 0;
            for (int i = 0; i < settings.warmupIterations(); i++) {
                for (int s = 0; s < sides.length; s++) {
                    long nanos = timeBatch(sides[s], batches[s]);
                    last = s == 0 ? nanos : last;
                }
            }
            return new Warmup(settings.warmupIterations(), true, last == 0 ? Long.MAX_VALUE : last, true);
        }
        long start = time.nanoTime();
        long deadline = start + capNanos;
        long earliest = start + Math.min(MIN_WARMUP_NANOS, settings.maxWarmup().toNanos());
        List<List<Double>> perOp = new ArrayList<>();
        for (int s = 0; s < sides.length; s++) {
            perOp.add(new ArrayList<>());
        }
        List<Long> jit = new ArrayList<>();
        HeapSettling heap = new HeapSettling(resources);
        heap.afterBatch(time.nanoTime());
        for (int n = 1; ; n++) {
            jit.add(resources.compilationMillis());
            for (int k = 0; k < sides.length; k++) {
                int s = n % 2 == 1 ? k : sides.length - 1 - k;
                perOp.get(s).add((double) timeBatch(sides[s], batches[s]) / batches[s]);
            }
            heap.afterBatch(time.nanoTime());
            if (n >= 2 * WARMUP_WINDOW && time.nanoTime() >= earliest && allSteady(perOp, jit)
                    && heap.settled(WARMUP_WINDOW)) {
                return new Warmup(n, true, typicalBatchNanos(perOp.get(0), batches[0]), true);
            }
            long now = time.nanoTime();
            if (now >= deadline) {
                boolean settled = heap.settled(WARMUP_WINDOW);
                // the code may still be paging memory in (the collector grew the heap during this warm-up, or fresh
                // pages are still being met): samples taken now would time first touches (1 MiB allocations read
                // 4.3 ms per call instead of ~55 µs, for a whole measurement, after G1 grew the heap from 1.2 to
                // 2.6 GiB 2.5 s into the warm-up, on a VM paging in ~4 ms per MiB), so the heap gets up to one more
                // cap to settle
                if (settled || !heap.pagingIn() || now >= deadline + capNanos) {
                    return new Warmup(n, false, typicalBatchNanos(perOp.get(0), batches[0]), settled);
                }
            }
        }
    }

    private boolean allSteady(List<List<Double>> perOp, List<Long> jit) {
        long jitNow = resources.compilationMillis();
        for (List<Double> side : perOp) {
            if (!steady(side, jit, jitNow)) {
                return false;
            }
        }
        return true;
    }

    /** The recent window's median batch time: one batch that met a GC pause must not stop re-calibration. */
    private static long typicalBatchNanos(List<Double> perOp, long batch) {
        int n = perOp.size();
        double median = SummaryCalculator.summarize(toArray(perOp.subList(Math.max(0, n - WARMUP_WINDOW), n))).median();
        return (long) (median * batch);
    }

    static boolean steady(List<Double> perOp, List<Long> jitBefore, long jitNow) {
        int n = perOp.size();
        long jitAtWindowStart = jitBefore.get(n - WARMUP_WINDOW);
        if (jitAtWindowStart >= 0 && jitNow != jitAtWindowStart) {
            return false;
        }
        // checked after every warm-up batch, so it allocates next to nothing: a full summary per batch made the
        // warm-up of a 0.4 ns body allocate 2.7 GB in 5 s, which the heap-settling rule then had to wait out
        double[] recent = window(perOp, n - WARMUP_WINDOW);
        double[] previous = window(perOp, n - 2 * WARMUP_WINDOW);
        double mean = StatUtils.mean(recent);
        // noise of the recent window only: a window that still contains the JIT transition is not "noise"
        double noise = mean == 0 ? 0 : Math.sqrt(StatUtils.variance(recent, mean)) / Math.abs(mean);
        double tolerance = Math.max(WARMUP_AGREEMENT, WARMUP_NOISE_FACTOR * noise);
        double a = median(recent);
        double b = median(previous);
        return Math.abs(a - b) <= tolerance * Math.max(a, b);
    }

    /** The {@link #WARMUP_WINDOW} values from {@code from}, sorted. */
    private static double[] window(List<Double> perOp, int from) {
        double[] values = new double[WARMUP_WINDOW];
        for (int i = 0; i < WARMUP_WINDOW; i++) {
            values[i] = perOp.get(from + i);
        }
        Arrays.sort(values);
        return values;
    }

    /** The median of sorted values (the same as {@code Percentile}'s R_7 estimate). */
    private static double median(double[] sorted) {
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Whether the median's interval is tight, judged on the figures the result will report ({@link PauseSharing}). */
    private static boolean precisionReached(List<Sample> samples, double target) {
        double[] perOp = PauseSharing.nanosPerOperation(samples);
        return SummaryCalculator.summarize(perOp).relativeMedianCiHalfWidth() <= target;
    }

    /**
     * Bytes that reading the probes allocates within one sample (the same reads, in the same order,
     * around an empty batch); subtracted from every sample so per-operation figures are exact.
     */
    private long allocationProbeOverhead() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long alloc0 = resources.allocatedBytes();
            resources.gcCount();
            resources.gcMillis();
            time.currentThreadCpuTime();
            time.nanoTime();
            time.nanoTime();
            time.currentThreadCpuTime();
            resources.gcCount();
            resources.gcMillis();
            long alloc1 = resources.allocatedBytes();
            if (alloc0 < 0 || alloc1 < 0) {
                return 0;
            }
            min = Math.min(min, alloc1 - alloc0);
        }
        return Math.max(0, min);
    }

    /** Smallest observed positive step of the wall clock (bounded tries, so a fake clock cannot hang it). */
    static long timerResolution(TimeSource time) {
        long best = Long.MAX_VALUE;
        for (int trial = 0; trial < 20; trial++) {
            long t0 = time.nanoTime();
            long t1 = t0;
            for (int spin = 0; spin < 1_000_000 && t1 == t0; spin++) {
                t1 = time.nanoTime();
            }
            if (t1 > t0) {
                best = Math.min(best, t1 - t0);
            }
        }
        return best == Long.MAX_VALUE ? 1 : best;
    }
}
