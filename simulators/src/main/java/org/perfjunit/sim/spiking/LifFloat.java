package org.perfjunit.sim.spiking;

import java.util.Arrays;

/**
 * A population of current-based leaky integrate-and-fire neurons in floating point, updated
 * exactly as Lava's floating-point LIF process model ({@code PyLifModelFloat}) does.
 *
 * <p>One call to {@link #step} is one algorithmic time step, in this order:
 * <pre>
 *   u[i] = u[i] * (1 - du) + a_in[i]          // synaptic current decays, then input is added
 *   v[i] = v[i] * (1 - dv) + u[i] + bias[i]   // voltage decays, integrates the new current and the bias
 *   s[i] = v[i] &gt; vth                        // strict comparison
 *   if (s[i]) v[i] = 0                         // reset to zero; u is not reset
 * </pre>
 * {@code du} and {@code dv} are decay fractions in [0, 1]. State is kept as struct-of-arrays.
 *
 * <p>Refractory period: with {@code refractoryPeriod = R > 0} a neuron that spikes at step {@code t}
 * keeps {@code v = 0} for steps {@code t+1 … t+R} while its current {@code u} still decays and
 * integrates, as Lava's {@code LIFRefractory} ({@code PyLifRefractoryModelFloat}) and Loihi's
 * refractory delay do. {@code R = 0} (the shorter constructor) is Lava's plain LIF: a neuron whose
 * current stays above threshold spikes on every step.
 * Not thread-safe.
 *
 * <pre>{@code
 * LifFloat lif = new LifFloat(1, 0.5, 0.25, 0.0, 2.0);
 * boolean[] spikes = new boolean[1];
 * lif.step(new double[] {1.0}, spikes);   // u = 1, v = 1, no spike
 * }</pre>
 */
public final class LifFloat {
    private final double[] u;
    private final double[] v;
    private final double[] bias;
    private final double du;
    private final double dv;
    private final double vth;
    private final int refractoryPeriod;
    private final int[] refractoryLeft;

    /**
     * Creates {@code size} neurons sharing decays and threshold, all with the same bias.
     *
     * @param size number of neurons
     * @param du   current decay fraction in [0, 1]
     * @param dv   voltage decay fraction in [0, 1]
     * @param bias constant bias added to the voltage every step (Lava's {@code bias_mant})
     * @param vth  spike threshold; a neuron spikes when {@code v > vth}
     */
    public LifFloat(int size, double du, double dv, double bias, double vth) {
        this(size, du, dv, bias, vth, 0);
    }

    /**
     * Creates {@code size} neurons with a refractory period.
     *
     * @param size             number of neurons
     * @param du               current decay fraction in [0, 1]
     * @param dv               voltage decay fraction in [0, 1]
     * @param bias             constant bias added to the voltage every step
     * @param vth              spike threshold; a neuron spikes when {@code v > vth}
     * @param refractoryPeriod steps after a spike during which {@code v} stays 0, {@code ≥ 0}
     */
    public LifFloat(int size, double du, double dv, double bias, double vth, int refractoryPeriod) {
        if (size <= 0 || du < 0 || du > 1 || dv < 0 || dv > 1 || refractoryPeriod < 0) {
            throw new IllegalArgumentException("size must be positive, du, dv in [0, 1], refractoryPeriod >= 0: size="
                    + size + ", du=" + du + ", dv=" + dv + ", refractoryPeriod=" + refractoryPeriod);
        }
        this.refractoryPeriod = refractoryPeriod;
        this.refractoryLeft = new int[size];
        this.u = new double[size];
        this.v = new double[size];
        this.bias = new double[size];
        Arrays.fill(this.bias, bias);
        this.du = du;
        this.dv = dv;
        this.vth = vth;
    }

    /**
     * Advances all neurons by one time step.
     *
     * @param input  input current per neuron ({@code a_in}); length {@link #size()}
     * @param spikes output: {@code true} where the neuron spiked this step; length {@link #size()}
     * @return number of neurons that spiked
     */
    public int step(double[] input, boolean[] spikes) {
        double keepU = 1 - du;
        double keepV = 1 - dv;
        int count = 0;
        for (int i = 0; i < u.length; i++) {
            double ui = u[i] * keepU + input[i];
            u[i] = ui;
            if (refractoryLeft[i] > 0) {
                refractoryLeft[i]--; // refractory: v held at 0, no spike
                spikes[i] = false;
                continue;
            }
            double vi = v[i] * keepV + ui + bias[i];
            boolean s = vi > vth;
            v[i] = s ? 0.0 : vi;
            refractoryLeft[i] = s ? refractoryPeriod : 0;
            spikes[i] = s;
            count += s ? 1 : 0;
        }
        return count;
    }

    /** @return number of neurons */
    public int size() {
        return u.length;
    }

    /** @param i neuron index @return current synaptic current {@code u[i]} */
    public double current(int i) {
        return u[i];
    }

    /** @param i neuron index @return current voltage {@code v[i]} (0 right after a spike) */
    public double voltage(int i) {
        return v[i];
    }
}
