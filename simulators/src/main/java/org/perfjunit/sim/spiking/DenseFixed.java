package org.perfjunit.sim.spiking;

/**
 * Dense synapses with Loihi's 8-bit weights and a shared weight exponent, one-step delay
 * (see {@link DenseFloat} for the delay semantics).
 *
 * <p>Weight encoding follows Lava's bit-accurate {@code Dense} in mixed-sign mode with 8 weight
 * bits: a weight is clipped to [-256, 254] and its lowest bit cleared (an 8-bit mantissa times
 * two), then scaled by {@code 2^weightExponent} (arithmetic right shift for negative exponents).
 * Activations are integer sums of those weights.
 */
public final class DenseFixed {
    private final int[][] weightsByPre;
    private int[] pending;
    private int[] out;
    private long synapticOps;

    /**
     * @param weights        {@code weights[post][pre]}, integer weights before truncation
     * @param weightExponent shared weight exponent (Loihi: -8..7)
     */
    public DenseFixed(int[][] weights, int weightExponent) {
        int post = weights.length;
        int pre = weights[0].length;
        this.weightsByPre = new int[pre][post];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                weightsByPre[i][j] = effectiveWeight(weights[j][i], weightExponent);
            }
        }
        this.pending = new int[post];
        this.out = new int[post];
    }

    /**
     * The weight the chip uses for a requested integer weight.
     *
     * @param weight   requested weight
     * @param exponent weight exponent
     * @return clipped, truncated and scaled weight
     */
    public static int effectiveWeight(int weight, int exponent) {
        int truncated = (Math.max(-256, Math.min(254, weight)) >> 1) << 1;
        return exponent >= 0 ? truncated << exponent : truncated >> -exponent;
    }

    /**
     * @param spikes spikes of the pre-synaptic population this step
     * @return activation from last step's spikes; reused by the next call
     */
    public int[] step(boolean[] spikes) {
        int[] ready = pending;
        pending = out;
        out = ready;
        java.util.Arrays.fill(pending, 0);
        for (int i = 0; i < spikes.length; i++) {
            if (spikes[i]) {
                int[] row = weightsByPre[i];
                for (int j = 0; j < row.length; j++) {
                    pending[j] += row[j];
                }
                synapticOps += row.length;
            }
        }
        return out;
    }

    /** @return synaptic operations so far (spikes × fan-out) */
    public long synapticOps() {
        return synapticOps;
    }
}
