package org.perfjunit.sim.tensor;

/**
 * A ternary matrix-vector kernel in the W1.58-A8 scheme of BitNet b1.58: activations are quantized to
 * int8 per vector (absmax), products are summed exactly in integers, and the result is scaled back to
 * float. Because the integer sums are exact, every kernel returns bit-identical outputs for the same
 * input, which lets an optimized kernel be cross-validated against the reference one exactly.
 *
 * <p>Instances keep scratch buffers, so they are not thread-safe: use one per thread.
 * Create them with {@link TernaryKernel#create()}.
 */
public abstract class TernaryMatVec {

    private byte[] quantized = new byte[0];
    private int[] sums = new int[0];

    TernaryMatVec() {
    }

    /** @return which kernel this is */
    public abstract TernaryKernel kind();

    /**
     * Integer core: {@code out[r] = Σ_c w[r][c] · xq[c]} (the scale is not applied).
     *
     * @param xq  int8 activations, at least {@code w.cols()} long
     * @param out at least {@code w.rows()} long
     * @throws IllegalArgumentException when {@code xq} or {@code out} is shorter than that
     */
    public final void multiply(TernaryMatrix w, byte[] xq, int[] out) {
        checkLengths(w, xq.length, out.length);
        compute(w, xq, out);
    }

    /** The kernel proper; lengths are already checked. */
    abstract void compute(TernaryMatrix w, byte[] xq, int[] out);

    /**
     * Float interface: quantizes {@code x} to int8 with {@code s = 127 / max|x|}, multiplies, and writes
     * {@code y[r] = w.scale() · Σ w[r][c]·xq[c] / s}. Exact when {@code x} holds integers with
     * {@code max|x| = 127} and the scale is a power of two.
     *
     * @throws IllegalArgumentException when {@code x} is shorter than {@code w.cols()}, {@code y} shorter
     *         than {@code w.rows()}, or an activation is NaN or infinite (absmax quantization would
     *         otherwise turn every output into NaN)
     */
    public void multiply(TernaryMatrix w, float[] x, float[] y) {
        checkLengths(w, x.length, y.length);
        int cols = w.cols();
        int rows = w.rows();
        if (quantized.length < cols) {
            quantized = new byte[cols];
        }
        if (sums.length < rows) {
            sums = new int[rows];
        }
        float absMax = 0f;
        for (int c = 0; c < cols; c++) {
            absMax = Math.max(absMax, Math.abs(x[c]));
        }
        if (!Float.isFinite(absMax)) {
            throw new IllegalArgumentException(nonFinite(x, cols));
        }
        float s = absMax == 0f ? 1f : 127f / absMax;
        for (int c = 0; c < cols; c++) {
            quantized[c] = (byte) Math.round(x[c] * s);
        }
        multiply(w, quantized, sums);
        float back = w.scale() / s;
        for (int r = 0; r < rows; r++) {
            y[r] = sums[r] * back;
        }
    }

    private static void checkLengths(TernaryMatrix w, int inputLength, int outputLength) {
        if (inputLength < w.cols() || outputLength < w.rows()) {
            throw new IllegalArgumentException("a " + w.rows() + "×" + w.cols() + " ternary matrix needs an input of at"
                    + " least " + w.cols() + " and an output of at least " + w.rows() + " elements, got input "
                    + inputLength + " and output " + outputLength);
        }
    }

    private static String nonFinite(float[] x, int cols) {
        for (int c = 0; c < cols; c++) {
            if (!Float.isFinite(x[c])) {
                return "activation x[" + c + "] is " + x[c] + ": int8 absmax quantization needs finite"
                        + " activations (clip or fix the value upstream)";
            }
        }
        throw new AssertionError("absmax was not finite but every activation is");
    }
}
