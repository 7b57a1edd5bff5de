package org.perfjunit.sim.tensor;

/**
 * Element-wise tensor operations on {@code float} arrays, with the memory traffic each one causes so a
 * measured time converts to a bandwidth: {@code GB/s = bytesMoved(n) / seconds / 1e9}. These loops are
 * memory-bound for arrays beyond the last-level cache; the JIT auto-vectorizes them.
 *
 * <p>Every operation has the shape {@code out = f(x, y)}; unary ones ignore {@code y} (pass {@code x}).
 * Bytes moved count each array read once and {@code out} written once (write-allocate traffic not counted).
 *
 * <pre>{@code
 * ElementwiseOp.ADD.apply(x, y, out);
 * double gbPerS = ElementwiseOp.ADD.bytesMoved(x.length) / seconds / 1e9;
 * }</pre>
 */
public enum ElementwiseOp {

    /** {@code out = x + y}. */
    ADD(2) {
        @Override
        void compute(float[] x, float[] y, float[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] + y[i];
            }
        }
    },
    /** {@code out = x · y} (Hadamard product). */
    MULTIPLY(2) {
        @Override
        void compute(float[] x, float[] y, float[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * y[i];
            }
        }
    },
    /** {@code out = 2·x + y} (AXPY with a fixed α = 2, so the result is exact for exactly representable inputs). */
    AXPY(2) {
        @Override
        void compute(float[] x, float[] y, float[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = 2f * x[i] + y[i];
            }
        }
    },
    /** {@code out = max(x, 0)}; ignores {@code y}. */
    RELU(1) {
        @Override
        void compute(float[] x, float[] y, float[] out, int n) {
            for (int i = 0; i < n; i++) {
                out[i] = Math.max(x[i], 0f);
            }
        }
    },
    /** {@code out = x} (a copy: the bandwidth ceiling the other operations are compared with); ignores {@code y}. */
    COPY(1) {
        @Override
        void compute(float[] x, float[] y, float[] out, int n) {
            System.arraycopy(x, 0, out, 0, n);
        }
    };

    private final int inputs;

    ElementwiseOp(int inputs) {
        this.inputs = inputs;
    }

    abstract void compute(float[] x, float[] y, float[] out, int n);

    /** Computes {@code out[i] = f(x[i], y[i])} for every index of {@code out}. */
    public void apply(float[] x, float[] y, float[] out) {
        int n = out.length;
        if (x.length < n || (inputs == 2 && y.length < n)) {
            throw new IllegalArgumentException(this + ": inputs shorter than output of length " + n);
        }
        compute(x, y, out, n);
    }

    /** @return number of input arrays read (1 or 2) */
    public int inputs() {
        return inputs;
    }

    /** @return bytes read and written by one {@link #apply} over {@code n} floats */
    public long bytesMoved(int n) {
        return (long) (inputs + 1) * n * Float.BYTES;
    }

    /** Converts bytes moved in a time to GB/s (10⁹ bytes per second). */
    public static double gigabytesPerSecond(long bytes, long nanos) {
        return bytes / (double) nanos;
    }
}
