package org.perfjunit.sim.tensor;

/**
 * Measures the clock a core actually runs FMA code at: twelve independent scalar {@link Math#fma}
 * chains keep both FMA pipes busy (every x86 core with FMA since Haswell and Zen 1 retires two scalar
 * FMAs per cycle, whatever its vector datapath), so {@code clock = FMAs per second / 2}. On a virtual
 * machine, where {@code /proc/cpuinfo} shows the base clock and no cpufreq is exposed, this finds the
 * boost clock. Takes about 50 ms; the best of several rounds is kept, so a busy neighbour core can only
 * make it lower, never higher.
 */
final class FmaClockProbe {

    /** Scalar FMA pipes per core on FMA-capable x86 (Haswell+, Zen 1+). */
    static final int SCALAR_FMA_PIPES = 2;
    private static final int CHAINS = 12;
    private static final long ITERATIONS = 1_000_000;
    private static final int ROUNDS = 15;
    // keeps the chains' results observable so the JIT cannot delete them
    private static volatile double sink;

    private FmaClockProbe() {
    }

    /** @return the measured FMA clock in MHz, or 0 when the measurement failed */
    static double measureMhz() {
        double best = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            sink = chains(ITERATIONS, 1.0 + round * 1e-12);
            long elapsed = System.nanoTime() - start;
            if (elapsed > 0) {
                best = Math.max(best, (double) CHAINS * ITERATIONS / elapsed * 1e3 / SCALAR_FMA_PIPES);
            }
        }
        return best;
    }

    private static double chains(long iterations, double seed) {
        double a0 = seed;
        double a1 = seed + 1;
        double a2 = seed + 2;
        double a3 = seed + 3;
        double a4 = seed + 4;
        double a5 = seed + 5;
        double a6 = seed + 6;
        double a7 = seed + 7;
        double a8 = seed + 8;
        double a9 = seed + 9;
        double a10 = seed + 10;
        double a11 = seed + 11;
        double x = 0.999999999;
        double y = 1e-9;
        for (long i = 0; i < iterations; i++) {
            a0 = Math.fma(a0, x, y);
            a1 = Math.fma(a1, x, y);
            a2 = Math.fma(a2, x, y);
            a3 = Math.fma(a3, x, y);
            a4 = Math.fma(a4, x, y);
            a5 = Math.fma(a5, x, y);
            a6 = Math.fma(a6, x, y);
            a7 = Math.fma(a7, x, y);
            a8 = Math.fma(a8, x, y);
            a9 = Math.fma(a9, x, y);
            a10 = Math.fma(a10, x, y);
            a11 = Math.fma(a11, x, y);
        }
        return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
    }
}
