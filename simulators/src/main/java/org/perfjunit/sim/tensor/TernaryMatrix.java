package org.perfjunit.sim.tensor;

/**
 * An immutable matrix of ternary weights {@code w ∈ {−1, 0, +1}} times one scale, as 1.58-bit (BitNet b1.58)
 * models store them: two bitsets per row, {@code plus} (bit set where {@code w = +1}) and {@code minus}
 * (bit set where {@code w = −1}), 2 bits per weight instead of 32, packed 8 columns to a byte.
 *
 * <pre>{@code
 * TernaryMatrix w = TernaryMatrix.quantize(latentWeights, rows, cols); // absmean quantization
 * TernaryKernel.OPTIMIZED.create().multiply(w, x, y);                  // y = w · x
 * }</pre>
 */
public final class TernaryMatrix {

    private final int rows;
    private final int cols;
    private final int bytesPerRow;
    private final float scale;
    private final byte[] plus;
    private final byte[] minus;

    private TernaryMatrix(int rows, int cols, float scale) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative shape " + rows + " × " + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.bytesPerRow = (cols + 7) / 8;
        this.scale = scale;
        this.plus = new byte[rows * bytesPerRow];
        this.minus = new byte[rows * bytesPerRow];
    }

    /**
     * Packs explicit ternary weights.
     *
     * @param weights row-major values, each −1, 0 or +1
     * @param scale   the factor every weight is multiplied by
     */
    public static TernaryMatrix of(byte[] weights, int rows, int cols, float scale) {
        TernaryMatrix m = new TernaryMatrix(rows, cols, scale);
        if (weights.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " weights, got " + weights.length);
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int w = weights[r * cols + c];
                if (w < -1 || w > 1) {
                    throw new IllegalArgumentException("weight [" + r + "," + c + "] = " + w + " is not ternary");
                }
                m.set(r, c, w);
            }
        }
        return m;
    }

    /**
     * Quantizes latent float weights the BitNet b1.58 way: {@code γ = mean|W|},
     * {@code w = clamp(round(W / γ), −1, 1)}, scale {@code γ}.
     */
    public static TernaryMatrix quantize(float[] latent, int rows, int cols) {
        if (latent.length != rows * cols) {
            throw new IllegalArgumentException("expected " + rows * cols + " weights, got " + latent.length);
        }
        double absSum = 0;
        for (float v : latent) {
            absSum += Math.abs(v);
        }
        float gamma = latent.length == 0 ? 1f : (float) (absSum / latent.length);
        float inverse = 1f / (gamma + 1e-6f);
        TernaryMatrix m = new TernaryMatrix(rows, cols, gamma);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m.set(r, c, Math.max(-1, Math.min(1, Math.round(latent[r * cols + c] * inverse))));
            }
        }
        return m;
    }

    private void set(int r, int c, int w) {
        int index = r * bytesPerRow + (c >>> 3);
        byte bit = (byte) (1 << (c & 7));
        if (w > 0) {
            plus[index] |= bit;
        } else if (w < 0) {
            minus[index] |= bit;
        }
    }

    /** @return the ternary weight at row {@code r}, column {@code c}: −1, 0 or +1 */
    public int weight(int r, int c) {
        int index = r * bytesPerRow + (c >>> 3);
        int bit = c & 7;
        return ((plus[index] >>> bit) & 1) - ((minus[index] >>> bit) & 1);
    }

    /** @return the dense float equivalent {@code scale · w}, row-major (the reference for checks) */
    public float[] toDense() {
        float[] dense = new float[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dense[r * cols + c] = scale * weight(r, c);
            }
        }
        return dense;
    }

    /** @return rows (output size) */
    public int rows() {
        return rows;
    }

    /** @return columns (input size) */
    public int cols() {
        return cols;
    }

    /** @return the scale every ternary weight is multiplied by */
    public float scale() {
        return scale;
    }

    /** @return bytes holding the packed weights (2 bits per weight, rows padded to whole bytes) */
    public long packedBytes() {
        return 2L * plus.length;
    }

    int bytesPerRow() {
        return bytesPerRow;
    }

    // kernels read the bitsets directly; they never write them
    byte[] plusBits() {
        return plus;
    }

    byte[] minusBits() {
        return minus;
    }
}
