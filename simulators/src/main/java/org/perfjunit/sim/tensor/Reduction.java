package org.perfjunit.sim.tensor;

/**
 * Reductions of {@code float} arrays to one {@code double}, with bytes moved for GB/s figures.
 * Sums use eight independent double accumulators: the extra precision keeps large reductions accurate and
 * the independence lets the core overlap additions (the JIT does not reorder floating-point sums itself).
 *
 * <pre>{@code
 * double total = Reduction.SUM.apply(x, x);
 * double gbPerS = Reduction.SUM.bytesMoved(x.length) / seconds / 1e9;
 * }</pre>
 */
public enum Reduction {

    /** {@code Σ x}; ignores {@code y}. */
    SUM(1) {
        @Override
        double compute(float[] x, float[] y, int n) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int i = 0;
            for (; i + 7 < n; i += 8) {
                s0 += x[i];
                s1 += x[i + 1];
                s2 += x[i + 2];
                s3 += x[i + 3];
                s4 += x[i + 4];
                s5 += x[i + 5];
                s6 += x[i + 6];
                s7 += x[i + 7];
            }
            for (; i < n; i++) {
                s0 += x[i];
            }
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
    },
    /** {@code max x} ({@code -∞} for an empty array); ignores {@code y}. */
    MAX(1) {
        @Override
        double compute(float[] x, float[] y, int n) {
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                max = Math.max(max, x[i]);
            }
            return max;
        }
    },
    /** {@code Σ x·y}. */
    DOT(2) {
        @Override
        double compute(float[] x, float[] y, int n) {
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
            int i = 0;
            for (; i + 7 < n; i += 8) {
                s0 += (double) x[i] * y[i];
                s1 += (double) x[i + 1] * y[i + 1];
                s2 += (double) x[i + 2] * y[i + 2];
                s3 += (double) x[i + 3] * y[i + 3];
                s4 += (double) x[i + 4] * y[i + 4];
                s5 += (double) x[i + 5] * y[i + 5];
                s6 += (double) x[i + 6] * y[i + 6];
                s7 += (double) x[i + 7] * y[i + 7];
            }
            for (; i < n; i++) {
                s0 += (double) x[i] * y[i];
            }
            return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
        }
    },
    /** {@code Σ x²}; ignores {@code y}. */
    SQUARED_NORM(1) {
        @Override
        double compute(float[] x, float[] y, int n) {
            return DOT.compute(x, x, n);
        }
    };

    private final int inputs;

    Reduction(int inputs) {
        this.inputs = inputs;
    }

    abstract double compute(float[] x, float[] y, int n);

    /** Reduces all of {@code x} (and {@code y}, for {@link #DOT}, which must be at least as long). */
    public double apply(float[] x, float[] y) {
        if (inputs == 2 && y.length < x.length) {
            throw new IllegalArgumentException(this + ": y shorter than x");
        }
        return compute(x, y, x.length);
    }

    /** @return bytes read by one {@link #apply} over {@code n} floats */
    public long bytesMoved(int n) {
        return (long) inputs * n * Float.BYTES;
    }
}
