package org.perfjunit.sim.spiking;

/**
 * Symmetric per-layer uniform quantization of an {@link Mlp}'s weights (biases stay in floating
 * point, as they are on Loihi with their own 13-bit mantissa and exponent).
 *
 * <p>Each layer's weights are mapped to integers in {@code [-(2^(bits-1) - 1), 2^(bits-1) - 1]}
 * with scale {@code max|w| / (2^(bits-1) - 1)} and rounded to nearest, then scaled back, so the
 * quantized network runs on the same float code and its accuracy can be compared directly.
 *
 * @param bits weight bits including sign, 2..16 (Loihi: 8)
 */
public record WeightQuantizer(int bits) {
    /** Validates the bit width. */
    public WeightQuantizer {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("bits must be in [2, 16]: " + bits);
        }
    }

    /**
     * @param mlp network (not modified)
     * @return a copy whose weights lie on the quantization grid
     */
    public Mlp quantize(Mlp mlp) {
        Mlp q = mlp.copy();
        int levels = (1 << (bits - 1)) - 1;
        for (int k = 0; k < q.layerCount(); k++) {
            double[] w = q.weight(k);
            double max = 0;
            for (double x : w) {
                max = Math.max(max, Math.abs(x));
            }
            if (max == 0) {
                continue;
            }
            double scale = max / levels;
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.rint(w[i] / scale) * scale;
            }
        }
        return q;
    }
}
