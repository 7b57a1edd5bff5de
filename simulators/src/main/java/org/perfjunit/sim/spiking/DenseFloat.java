package org.perfjunit.sim.spiking;

/**
 * Dense synapses in floating point with Lava's one-step delay: spikes received at step
 * {@code t} reach the post-synaptic neurons at step {@code t + 1}.
 *
 * <p>Each {@link #step} returns the activation computed from the <em>previous</em> step's
 * spikes and stores {@code W · s} for the next call (Lava's {@code Dense}: send {@code a_buff},
 * then {@code a_buff = W @ s_in}). Weights are stored pre-major ({@code w[pre][post]}) so a
 * spike adds one contiguous row: the work is proportional to spikes × fan-out, as on the chip.
 * Not thread-safe.
 */
public final class DenseFloat {
    private final double[][] weightsByPre;
    private double[] pending;
    private double[] out;
    private long synapticOps;

    /** @param weights {@code weights[post][pre]}, as Lava's {@code Dense(weights=...)} */
    public DenseFloat(double[][] weights) {
        int post = weights.length;
        int pre = weights[0].length;
        this.weightsByPre = new double[pre][post];
        for (int j = 0; j < post; j++) {
            for (int i = 0; i < pre; i++) {
                weightsByPre[i][j] = weights[j][i];
            }
        }
        this.pending = new double[post];
        this.out = new double[post];
    }

    /**
     * @param spikes spikes of the pre-synaptic population this step
     * @return activation for the post-synaptic population this step (from last step's spikes);
     *         the array is reused by the next call
     */
    public double[] step(boolean[] spikes) {
        double[] ready = pending;
        pending = out;
        out = ready;
        java.util.Arrays.fill(pending, 0.0);
        for (int i = 0; i < spikes.length; i++) {
            if (spikes[i]) {
                double[] row = weightsByPre[i];
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
