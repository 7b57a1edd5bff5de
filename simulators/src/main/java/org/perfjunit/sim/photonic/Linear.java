package org.perfjunit.sim.photonic;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fully connected layer {@code y = W·x} without bias (photonic meshes implement the matrix;
 * a bias would be added electronically and is left out of the model).
 *
 * <p>Weights are stored row-major: {@code W[o][i] = weights[o * inputs + i]}. They are real, or
 * complex through {@link #complex(int, int, double[], double[])}: the compiler then decomposes each
 * tile with {@link ComplexSvd} into two general unitary meshes, and the simulator's detected field is
 * the complex {@code W·x} ({@link #applyComplex}); {@link #apply} and {@link Network#forward} give its
 * real part, the in-phase quadrature that {@link PhotonicSimulator#infer} passes on.
 */
public final class Linear implements Layer {

    private final int inputs;
    private final int outputs;
    private final double[] weights;
    private final double[] imaginary; // null for a real layer

    /**
     * Creates a layer from row-major weights (copied).
     *
     * @param inputs  input width
     * @param outputs output width
     * @param weights {@code outputs × inputs} values, row-major
     */
    public Linear(int inputs, int outputs, double[] weights) {
        this(inputs, outputs, weights, null);
    }

    // imaginary == null: a real layer
    private Linear(int inputs, int outputs, double[] real, double[] imaginary) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("Linear(" + inputs + ", " + outputs + ") needs positive sizes");
        }
        if (real.length != inputs * outputs) {
            throw new IllegalArgumentException("Linear(" + inputs + ", " + outputs + ") needs "
                    + inputs * outputs + " weights, got " + real.length);
        }
        if (imaginary != null) {
            if (imaginary.length != real.length) {
                throw new IllegalArgumentException("Linear(" + inputs + ", " + outputs + ") needs "
                        + real.length + " imaginary parts, got " + imaginary.length);
            }
            for (int k = 0; k < real.length; k++) {
                if (!Double.isFinite(real[k]) || !Double.isFinite(imaginary[k])) {
                    throw new IllegalArgumentException("complex weight (" + k / inputs + ", " + k % inputs
                            + ") of Linear(" + inputs + ", " + outputs + ") is " + real[k] + " + " + imaginary[k]
                            + "i: weights must be finite");
                }
            }
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.weights = real.clone();
        this.imaginary = imaginary == null ? null : imaginary.clone();
    }

    /**
     * Creates a layer with complex weights (both arrays copied), {@code W[o][i] = real[o·inputs + i]
     * + i·imaginary[o·inputs + i]}.
     *
     * @param inputs    input width
     * @param outputs   output width
     * @param real      {@code outputs × inputs} real parts, row-major
     * @param imaginary {@code outputs × inputs} imaginary parts, row-major
     * @return the layer
     * @throws IllegalArgumentException for wrong lengths or a NaN or infinite part (the message names the weight)
     */
    public static Linear complex(int inputs, int outputs, double[] real, double[] imaginary) {
        return new Linear(inputs, outputs, real, java.util.Objects.requireNonNull(imaginary, "imaginary"));
    }

    /**
     * A layer with complex Gaussian weights, real and imaginary parts each of variance
     * {@code 1/(2·inputs)} (so {@code E|W_oi|² = 1/inputs}, as for {@link #random}).
     *
     * @param inputs  input width
     * @param outputs output width
     * @param random  source of randomness (seeded by the caller)
     * @return the layer
     */
    public static Linear randomComplex(int inputs, int outputs, SplittableRandom random) {
        double[] re = new double[inputs * outputs];
        double[] im = new double[inputs * outputs];
        double scale = 1.0 / Math.sqrt(2.0 * inputs);
        for (int k = 0; k < re.length; k++) {
            re[k] = random.nextGaussian() * scale;
            im[k] = random.nextGaussian() * scale;
        }
        return new Linear(inputs, outputs, re, im);
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

    /** Returns a copy of the row-major weights (their real parts for a complex layer). */
    public double[] weights() {
        return weights.clone();
    }

    /** {@code true} when the layer was created with complex weights ({@link #complex}). */
    public boolean isComplex() {
        return imaginary != null;
    }

    /**
     * Returns the imaginary part of one weight.
     *
     * @param row    output index
     * @param column input index
     * @return {@code Im W[row][column]}, 0 for a real layer
     */
    public double imaginaryWeight(int row, int column) {
        return imaginary == null ? 0 : imaginary[row * inputs + column];
    }

    /** Returns a copy of the row-major imaginary parts (all zero for a real layer). */
    public double[] imaginaryWeights() {
        return imaginary == null ? new double[weights.length] : imaginary.clone();
    }

    /**
     * Computes the complex {@code W·x} for a real input in double precision (the reference of the
     * simulator's detected field, {@link PhotonicSimulator#propagate}).
     *
     * @param x input of length {@link #inputs()}
     * @return the field on the outputs; imaginary parts 0 for a real layer
     */
    public OpticalField applyComplex(double[] x) {
        double[] re = apply(x);
        return new OpticalField(re, imaginary == null ? new double[outputs] : times(imaginary, x));
    }

    /**
     * Computes {@code W·x} in double precision (the reference the compiled circuit must match); for a
     * complex layer its real part (see {@link #applyComplex} for the whole field).
     *
     * @param x input of length {@link #inputs()}
     * @return output of length {@link #outputs()}
     */
    public double[] apply(double[] x) {
        if (x.length != inputs) {
            throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.length);
        }
        return times(weights, x);
    }

    // row-major matrix (outputs × inputs) times x
    private double[] times(double[] matrix, double[] x) {
        double[] y = new double[outputs];
        for (int o = 0; o < outputs; o++) {
            double sum = 0;
            int base = o * inputs;
            for (int i = 0; i < inputs; i++) {
                sum += matrix[base + i] * x[i];
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

    // imaginary parts for the compiler, null for a real layer
    double[] imaginaryView() {
        return imaginary;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Linear other && other.inputs == inputs && other.outputs == outputs
                && Arrays.equals(other.weights, weights) && Arrays.equals(other.imaginary, imaginary);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * inputs + outputs) + Arrays.hashCode(weights)) + Arrays.hashCode(imaginary);
    }

    @Override
    public String toString() {
        return "Linear(" + inputs + ", " + outputs + (imaginary == null ? ")" : ", complex)");
    }
}
