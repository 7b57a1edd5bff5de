package org.perfjunit.sim.spiking;

/** Arithmetic a {@link SpikingMlp} is simulated with. */
public enum Precision {
    /** Double-precision weights, biases and membrane voltages ("simulation"). */
    FLOAT,
    /**
     * Loihi-style integers: 8-bit signed weight mantissas with a shared exponent, integer bias
     * and threshold, voltage clipped to 24 bits ("hardware" arithmetic). This is <em>not</em> the
     * bit-accurate Loihi neuron of {@link LifFixed}; {@link SpikingMlp} names the four differences
     * (reset by subtraction, {@code v ≥ θ}, no 24-bit current register, thresholds off the
     * multiple-of-64 grid).
     */
    FIXED
}
