package org.perfjunit.sim.tensor;

/**
 * A dense general matrix multiply {@code C = A · B} for row-major {@code double} and {@code float} arrays.
 *
 * <p>{@code a} is {@code m × k}, {@code b} is {@code k × n}, {@code c} is {@code m × n}; all are dense,
 * row-major, start at index 0 and have exactly those lengths. {@code c} is overwritten, so it must be
 * a different array from {@code a} and {@code b}: every kernel rejects {@code c == a} or {@code c == b}
 * with an {@link IllegalArgumentException} rather than computing through a hidden temporary (which
 * would put an allocation and a copy inside every benchmarked call). {@code a == b} is allowed: both are
 * only read. Every implementation computes the same
 * mathematical product; they differ only in summation order (so results agree exactly on small-integer
 * inputs, and within the standard bound {@code γ_k·|A||B|} otherwise) and in speed.
 *
 * <p>Kernels that own threads ({@link GemmBackend#create(int)} with more than one thread) release them
 * on {@link #close()}; single-threaded kernels make {@code close()} a no-op.
 *
 * <pre>{@code
 * try (GemmKernel gemm = GemmBackend.best().create(2)) {
 *     gemm.multiply(n, n, n, a, b, c);
 * }
 * }</pre>
 */
public interface GemmKernel extends AutoCloseable {

    /** @return a short stable name such as {@code "vector-2t"}, used in benchmark reports */
    String name();

    /** @return the number of threads this kernel computes with */
    int threads();

    /** Computes {@code c = a · b} in double precision. */
    void multiply(int m, int n, int k, double[] a, double[] b, double[] c);

    /** Computes {@code c = a · b} in single precision. */
    void multiply(int m, int n, int k, float[] a, float[] b, float[] c);

    /** Floating-point operations of one {@code m × n × k} product: {@code 2·m·n·k}. */
    static double flops(int m, int n, int k) {
        return 2.0 * m * n * k;
    }

    /** Releases worker threads, if any. */
    @Override
    default void close() {
        // single-threaded kernels own nothing
    }

    /**
     * Rejects a shape the arrays do not have exactly, before any kernel indexes them: an array too short
     * would fail part-way, and one too long usually means the caller's {@code m}, {@code n} or {@code k}
     * is not the shape they meant.
     */
    static void checkShape(int m, int n, int k, int aLength, int bLength, int cLength) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative shape m=" + m + " n=" + n + " k=" + k);
        }
        if (aLength != (long) m * k || bLength != (long) k * n || cLength != (long) m * n) {
            throw new IllegalArgumentException("array lengths do not match m=" + m + " n=" + n + " k=" + k
                    + ": need a=" + (long) m * k + " b=" + (long) k * n + " c=" + (long) m * n
                    + ", got a=" + aLength + " b=" + bLength + " c=" + cLength);
        }
    }

    /**
     * Rejects an output array that is also an input: the kernels write {@code c} while still reading
     * {@code a} and {@code b}, so an aliased call would return a wrong product without any error.
     */
    static void checkNotAliased(Object a, Object b, Object c) {
        if (c == a || c == b) {
            throw new IllegalArgumentException("c must not be the same array as " + (c == a ? "a" : "b")
                    + (c == a && c == b ? " and b" : "")
                    + ": the product overwrites c while reading its inputs; pass a separate output array");
        }
    }
}
