package org.perfjunit.sim.photonic;

/**
 * Element-wise {@code max(0, x)}. Photonic accelerators apply it electronically after
 * detection, so the compiler emits no optical components for it.
 *
 * @param inputs width of the vector it acts on
 */
public record Relu(int inputs) implements Layer {

    /** Checks the width. */
    public Relu {
        if (inputs < 1) {
            throw new IllegalArgumentException("ReLU width must be positive, was " + inputs);
        }
    }

    @Override
    public int outputs() {
        return inputs;
    }
}
