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
     */
    public abstract void multiply(TernaryMatrix w, byte[] xq, int[] out);

    /**
     * Float interface: quantizes {@code x} to int8 with {@code s = 127 / max|x|}, multiplies, and writes
     * {@code y[r] = w.scale() · Σ w[r][c]·xq[c] / s}. Exact when {@code x} holds integers with
     * {@code max|x| = 127} and the scale is a power of two.
     */
    public void multiply(TernaryMatrix w, float[] x, float[] y) {
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
}
