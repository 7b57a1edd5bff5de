package org.perfjunit.sim.photonic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected layer {@code y = W·x} without bias (photonic meshes implement the matrix;
 * a bias would be added electronically and is left out of the model).
 *
 * <p>Weights are stored row-major: {@code W[o][i] = weights[o * inputs + i]}.
 */
public final class Linear implements Layer {

    private final int inputs;
    private final int outputs;
    private final double[] weights;

    /**
     * Creates a layer from row-major weights (copied).
     *
     * @param inputs  input width
     * @param outputs output width
     * @param weights {@code outputs × inputs} values, row-major
     */
    public Linear(int inputs, int outputs, double[] weights) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("Linear(" + inputs + ", " + outputs + ") needs positive sizes");
        }
        if (weights.length != inputs * outputs) {
            throw new IllegalArgumentException("Linear(" + inputs + ", " + outputs + ") needs "
                    + inputs * outputs + " weights, got " + weights.length);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = weights.clone();
    }

    /**
     * Creates a layer with Gaussian weights of variance {@code 1/inputs} (LeCun initialisation),
     * so activations keep their scale through deep stacks.
     *
     * @param inputs  input width
     * @param outputs output width
     * @param random  source of randomness (seeded by the caller)
     * @return the layer
     */
    public static Linear random(int inputs, int outputs, SplittableRandom random) {
        double[] w = new double[inputs * outputs];
        double scale = 1.0 / Math.sqrt(inputs);
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian() * scale;
        }
        return new Linear(inputs, outputs, w);
    }

    @Override
    public int inputs() {
        return inputs;
    }

    @Override
    public int outputs() {
        return outputs;
    }

    /**
     * Returns one weight.
     *
     * @param row    output index
     * @param column input index
     * @return {@code W[row][column]}
     */
    public double weight(int row, int column) {
        return weights[row * inputs + column];
    }

    /** Returns a copy of the row-major weights. */
    public double[] weights() {
        return weights.clone();
    }

    /**
     * Computes {@code W·x} in double precision (the reference the compiled circuit must match).
     *
     * @param x input of length {@link #inputs()}
     * @return output of length {@link #outputs()}
     */
    public double[] apply(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.length);
        }
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = 0;
            int base = o * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += weights[base + i] * x[i];
            }
            y[o] = sum;
        }
        return y;
    }

    /** Number of multiply-accumulates of one {@code W·x}. */
    public long macs() {
        return (long) inputs * outputs;
    }

    // internal read-only access for the compiler, avoids copying large weight arrays
    double[] weightsView() {
        return weights;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Linear other && other.inputs == inputs && other.outputs == outputs
                && Arrays.equals(other.weights, weights);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * inputs + outputs) + Arrays.hashCode(weights);
    }

    @Override
    public String toString() {
        return "Linear(" + inputs + ", " + outputs + ")";
    }
}
