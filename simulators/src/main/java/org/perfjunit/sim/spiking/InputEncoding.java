package org.perfjunit.sim.spiking;

/** How an input vector with values in [0, 1] enters a {@link SpikingMlp} at every time step. */
public enum InputEncoding {
    /**
     * Rate (Poisson/Bernoulli) coding: input {@code i} spikes with probability {@code x[i]} at each
     * step, drawn from a seeded {@link java.util.SplittableRandom}. Binary spikes, as on Loihi 1.
     */
    RATE,
    /**
     * Direct coding: every non-zero input sends its value as a graded spike at every step
     * (Loihi 2 graded spikes; 8-bit payload {@code round(255·x)} in fixed point). No sampling noise.
     */
    DIRECT
}
