package org.perfjunit.sim.spiking;

/** Arithmetic a {@link SpikingMlp} is simulated with. */
public enum Precision {
    /** Double-precision weights, biases and membrane voltages ("simulation"). */
    FLOAT,
    /**
     * Loihi-style integers: 8-bit signed weight mantissas with a shared exponent, integer bias
     * and threshold, voltage clipped to 24 bits ("hardware" arithmetic).
     */
    FIXED
}
