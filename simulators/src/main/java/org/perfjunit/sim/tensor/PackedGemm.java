package org.perfjunit.sim.tensor;

import java.util.concurrent.ForkJoinPool;

/** A packed, cache-blocked GEMM (scalar or vector micro-kernel) on a fixed number of ForkJoin threads. */
final class PackedGemm implements GemmKernel {

    private final String name;
    private final int threads;
    private final DoublePackedGemm doubles;
    private final FloatPackedGemm floats;
    private final ForkJoinPool pool;

    PackedGemm(String name, int threads, DoublePackedGemm doubles, FloatPackedGemm floats) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.name = name + "-" + threads + "t";
        this.threads = threads;
        this.doubles = doubles;
        this.floats = floats;
        // one thread needs no pool: the caller computes
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void multiply(int m, int n, int k, double[] a, double[] b, double[] c) {
        doubles.multiply(m, n, k, a, b, c, pool, threads);
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        floats.multiply(m, n, k, a, b, c, pool, threads);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
