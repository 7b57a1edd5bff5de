package org.perfjunit.baseline;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * A fixed workload that says how fast this machine is right now: an integer/floating-point CPU
 * kernel plus a dependent random walk over a 16 MiB array (memory latency), about 100-200 ms in
 * all. It is measured with every baseline and every run; {@code normalizedRatio = ratio /
 * (calibration now / calibration then)} then separates "the code got slower" from "the machine is
 * slower today" (thermal throttling, a busy neighbour on a shared runner).
 *
 * <pre>{@code
 * double nanos = new CalibrationWorkload().measureNanos();
 * }</pre>
 */
public final class CalibrationWorkload {

    private static final int WALK_LENGTH = 1 << 22; // 4M ints = 16 MiB, larger than the last-level cache
    private static final int STEPS = 1 << 18;
    private static final int CPU_ROUNDS = 5_000_000;
    private static final int REPETITIONS = 3;

    private final LongSupplier clock;

    /** A workload timed with {@link System#nanoTime()}. */
    public CalibrationWorkload() {
        this(System::nanoTime);
    }

    /** A workload timed with {@code clock} (tests inject a fake). */
    public CalibrationWorkload(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * Runs the kernel {@value #REPETITIONS} times after one warm-up run and returns the median time
     * of one run, in nanoseconds.
     */
    public double measureNanos() {
        int[] next = permutationCycle(WALK_LENGTH);
        long sink = runOnce(next);
        long[] times = new long[REPETITIONS];
        for (int i = 0; i < REPETITIONS; i++) {
            long start = clock.getAsLong();
            sink += runOnce(next);
            times[i] = clock.getAsLong() - start;
        }
        Arrays.sort(times);
        if (sink == 42) {
            // consumes the result so the JIT cannot drop the work; practically never true
            Thread.onSpinWait();
        }
        return Math.max(1, times[REPETITIONS / 2]);
    }

    /** The CPU kernel and the memory walk; the returned value depends on every step. */
    static long runOnce(int[] next) {
        long x = 0x9E3779B97F4A7C15L;
        double y = 1.0;
        for (int i = 0; i < CPU_ROUNDS; i++) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            y = y * 1.0000001 + (x & 0xFF) * 1e-9;
        }
        int position = 0;
        for (int i = 0; i < STEPS; i++) {
            position = next[position];
        }
        return x + (long) y + position;
    }

    /** A single random cycle through all indices (Sattolo), so the walk defeats the prefetcher. */
    static int[] permutationCycle(int n) {
        int[] next = new int[n];
        for (int i = 0; i < n; i++) {
            next[i] = i;
        }
        long state = 12345;
        for (int i = n - 1; i > 0; i--) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int j = (int) Math.floorMod(state >>> 33, (long) i);
            int tmp = next[i];
            next[i] = next[j];
            next[j] = tmp;
        }
        return next;
    }
}
