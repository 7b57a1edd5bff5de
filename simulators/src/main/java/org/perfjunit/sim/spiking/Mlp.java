package org.perfjunit.sim.spiking;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A fully connected ReLU network: {@code Linear → ReLU → … → Linear} (no activation after the
 * last layer; its outputs are logits). Layer {@code k} maps {@code sizes[k]} inputs to
 * {@code sizes[k+1]} outputs with weights stored row-major, {@code weight(k)[o * in + i]}.
 * Mutable (the trainer updates it in place); copy with {@link #copy()}.
 */
public final class Mlp {
    private final int[] sizes;
    private final double[][] weights;
    private final double[][] biases;

    private Mlp(int[] sizes, double[][] weights, double[][] biases) {
        this.sizes = sizes.clone();
        this.weights = weights;
        this.biases = biases;
    }

    /**
     * He-initialised network with zero biases.
     *
     * @param seed  seed of the weights
     * @param sizes layer sizes, input first, e.g. {@code 784, 128, 10}
     * @return a new network
     */
    public static Mlp random(long seed, int... sizes) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least input and output sizes");
        }
        RandomGenerator rnd = new Well19937c(seed);
        double[][] w = new double[sizes.length - 1][];
        double[][] b = new double[sizes.length - 1][];
        for (int k = 0; k < w.length; k++) {
            double scale = Math.sqrt(2.0 / sizes[k]);
            w[k] = new double[sizes[k] * sizes[k + 1]];
            for (int i = 0; i < w[k].length; i++) {
                w[k][i] = scale * rnd.nextGaussian();
            }
            b[k] = new double[sizes[k + 1]];
        }
        return new Mlp(sizes, w, b);
    }

    /** @return a deep copy */
    public Mlp copy() {
        double[][] w = new double[weights.length][];
        double[][] b = new double[biases.length][];
        for (int k = 0; k < w.length; k++) {
            w[k] = weights[k].clone();
            b[k] = biases[k].clone();
        }
        return new Mlp(sizes, w, b);
    }

    /**
     * @param x input vector
     * @return activations of every layer: index 0 is {@code x}, hidden layers after ReLU, last the logits
     */
    public double[][] activations(double[] x) {
        double[][] acts = new double[sizes.length][];
        acts[0] = x;
        for (int k = 0; k < weights.length; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            double[] a = new double[out];
            double[] w = weights[k];
            double[] prev = acts[k];
            boolean hidden = k < weights.length - 1;
            for (int o = 0; o < out; o++) {
                double s = biases[k][o];
                int base = o * in;
                for (int i = 0; i < in; i++) {
                    s += w[base + i] * prev[i];
                }
                a[o] = hidden ? Math.max(0, s) : s;
            }
            acts[k + 1] = a;
        }
        return acts;
    }

    /** @param x input @return index of the largest logit */
    public int predict(double[] x) {
        return argmax(activations(x)[sizes.length - 1]);
    }

    /** @param data examples @return fraction of examples predicted correctly */
    public double accuracy(Dataset data) {
        int correct = 0;
        for (int k = 0; k < data.size(); k++) {
            correct += predict(data.inputs()[k]) == data.labels()[k] ? 1 : 0;
        }
        return correct / (double) data.size();
    }

    /** @return multiply-accumulates of one forward pass (Σ in × out) */
    public long macsPerInference() {
        long macs = 0;
        for (int k = 0; k + 1 < sizes.length; k++) {
            macs += (long) sizes[k] * sizes[k + 1];
        }
        return macs;
    }

    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** @return layer sizes, input first (a copy) */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return number of weight layers */
    public int layerCount() {
        return weights.length;
    }

    /** @param k layer @return the live weight array of layer {@code k} (row-major, out × in) */
    public double[] weight(int k) {
        return weights[k];
    }

    /** @param k layer @return the live bias array of layer {@code k} */
    public double[] bias(int k) {
        return biases[k];
    }
}
