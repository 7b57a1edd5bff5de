package org.perfjunit.sim.spiking;

/**
 * A population of current-based LIF neurons in Loihi's bit-accurate fixed point, following the
 * update equations of Lava's bit-accurate LIF process model ({@code PyLifModelBitAcc}).
 *
 * <p>Parameters are integers as on the chip: decays {@code du}, {@code dv} in [0, 4095] (12-bit,
 * a decay of {@code d} keeps {@code (4096 - d) / 4096} of the state), bias as mantissa and
 * exponent, threshold mantissa {@code vth}. One call to {@link #step} is one time step:
 * <pre>
 *   decay(x, d)  = sign(x * (4096 - d)) * (|x * (4096 - d)| &gt;&gt; 12)      // rounds toward zero
 *   u = decay(u, du + 1) + (a_in &lt;&lt; 6)       // ds_offset = 1, activation shift 6 bits
 *   u wraps around as a signed 24-bit register (u &gt; 2^23 → u - 2^24; u ≤ -2^23 → u + 2^24)
 *   v = decay(v, dv) + u + effectiveBias        // dm_offset = 0
 *   v is clipped to [-(2^23 - 1), 2^23 - 1]
 *   effectiveBias = bias_exp ≥ 0 ? bias_mant &lt;&lt; bias_exp : bias_mant &gt;&gt; -bias_exp
 *   s = v &gt; (vth &lt;&lt; 6)                          // threshold shifted by 6 bits
 *   if (s) v = 0
 * </pre>
 * With a refractory period {@code R > 0} (Loihi's refractory delay; Lava's {@code LIFRefractory}),
 * a neuron that spikes at step {@code t} keeps {@code v = 0} and cannot spike for steps
 * {@code t+1 … t+R}; its current {@code u} still decays and integrates. The shorter constructor
 * means {@code R = 0}: a neuron whose current stays above threshold spikes on every step.
 * These are the equations of Lava's documented model (lava-nc, {@code lava.proc.lif.models});
 * they were re-derived from its documentation, not executed against Lava.
 * Not thread-safe.
 */
public final class LifFixed {
    /** Decay registers are 12-bit: a decay constant of 4096 would mean "keep nothing". */
    public static final int DECAY_SHIFT = 12;
    /** Input activations and the threshold are shifted left by this many bits (Lava's {@code act_shift}, {@code vth_shift}). */
    public static final int ACTIVATION_SHIFT = 6;
    private static final int DECAY_UNITY = 1 << DECAY_SHIFT;
    private static final long MAX_UV = 1L << 23;

    private final int[] u;
    private final int[] v;
    private final int du;
    private final int dv;
    private final int effectiveBias;
    private final int effectiveVth;
    private final int refractoryPeriod;
    private final int[] refractoryLeft;

    /**
     * @param size    number of neurons
     * @param du      current decay in [0, 4095]
     * @param dv      voltage decay in [0, 4095]
     * @param biasMantissa bias mantissa (Loihi: 13-bit signed)
     * @param biasExponent bias exponent (negative shifts right)
     * @param vth     threshold mantissa (Loihi: 17-bit unsigned); the comparison uses {@code vth << 6}
     */
    public LifFixed(int size, int du, int dv, int biasMantissa, int biasExponent, int vth) {
        this(size, du, dv, biasMantissa, biasExponent, vth, 0);
    }

    /**
     * @param size             number of neurons
     * @param du               current decay in [0, 4095]
     * @param dv               voltage decay in [0, 4095]
     * @param biasMantissa     bias mantissa (Loihi: 13-bit signed)
     * @param biasExponent     bias exponent (negative shifts right)
     * @param vth              threshold mantissa; the comparison uses {@code vth << 6}
     * @param refractoryPeriod steps after a spike during which {@code v} stays 0, {@code ≥ 0}
     */
    public LifFixed(int size, int du, int dv, int biasMantissa, int biasExponent, int vth, int refractoryPeriod) {
        if (size <= 0 || du < 0 || du >= DECAY_UNITY || dv < 0 || dv >= DECAY_UNITY || vth < 0
                || refractoryPeriod < 0) {
            throw new IllegalArgumentException("size must be positive, du and dv in [0, 4095], vth >= 0,"
                    + " refractoryPeriod >= 0: size=" + size + ", du=" + du + ", dv=" + dv + ", vth=" + vth
                    + ", refractoryPeriod=" + refractoryPeriod);
        }
        this.refractoryPeriod = refractoryPeriod;
        this.refractoryLeft = new int[size];
        this.u = new int[size];
        this.v = new int[size];
        this.du = du;
        this.dv = dv;
        this.effectiveBias = biasExponent >= 0 ? biasMantissa << biasExponent : biasMantissa >> -biasExponent;
        this.effectiveVth = vth << ACTIVATION_SHIFT;
    }

    /**
     * Advances all neurons by one time step.
     *
     * @param input  integer activation per neuron ({@code a_in}, e.g. from {@link DenseFixed})
     * @param spikes output: {@code true} where the neuron spiked
     * @return number of neurons that spiked
     */
    public int step(int[] input, boolean[] spikes) {
        int count = 0;
        for (int i = 0; i < u.length; i++) {
            long cur = decay(u[i], du + 1) + ((long) input[i] << ACTIVATION_SHIFT);
            long wrapped = cur > MAX_UV ? cur - 2 * MAX_UV : cur;
            wrapped = wrapped <= -MAX_UV ? cur + 2 * MAX_UV : wrapped;
            u[i] = (int) wrapped;
            if (refractoryLeft[i] > 0) {
                refractoryLeft[i]--; // refractory: v held at 0, no spike
                spikes[i] = false;
                continue;
            }
            long volt = decay(v[i], dv) + u[i] + effectiveBias;
            volt = Math.max(-(MAX_UV - 1), Math.min(MAX_UV - 1, volt));
            boolean s = volt > effectiveVth;
            v[i] = s ? 0 : (int) volt;
            refractoryLeft[i] = s ? refractoryPeriod : 0;
            spikes[i] = s;
            count += s ? 1 : 0;
        }
        return count;
    }

    /** Sign-magnitude shift, as Lava does, so negative states decay toward zero symmetrically. */
    private static long decay(int x, int d) {
        long p = (long) x * (DECAY_UNITY - d);
        return p >= 0 ? p >> DECAY_SHIFT : -((-p) >> DECAY_SHIFT);
    }

    /** @return number of neurons */
    public int size() {
        return u.length;
    }

    /** @param i neuron index @return the 24-bit current register {@code u[i]} */
    public int current(int i) {
        return u[i];
    }

    /** @param i neuron index @return the voltage register {@code v[i]} */
    public int voltage(int i) {
        return v[i];
    }

    /** @return bias after applying the exponent */
    public int effectiveBias() {
        return effectiveBias;
    }

    /** @return threshold after the 6-bit shift */
    public int effectiveThreshold() {
        return effectiveVth;
    }
}
