package org.perfjunit.sim.tensor;

/**
 * Reductions of {@code float} arrays to one {@code double}, with bytes moved for GB/s figures.
 * Sums use four independent double accumulators: the extra precision keeps large reductions accurate and
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
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += x[i];
                s1 += x[i + 1];
                s2 += x[i + 2];
                s3 += x[i + 3];
            }
            for (; i < n; i++) {
                s0 += x[i];
            }
            return (s0 + s1) + (s2 + s3);
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
            double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
            int i = 0;
            for (; i + 3 < n; i += 4) {
                s0 += (double) x[i] * y[i];
                s1 += (double) x[i + 1] * y[i + 1];
                s2 += (double) x[i + 2] * y[i + 2];
                s3 += (double) x[i + 3] * y[i + 3];
            }
            for (; i < n; i++) {
                s0 += (double) x[i] * y[i];
            }
            return (s0 + s1) + (s2 + s3);
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
