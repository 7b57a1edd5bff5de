package org.perfjunit.sim.spiking;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Plain stochastic gradient descent (batch size 1, no momentum, no weight decay) on softmax
 * cross-entropy, for {@link Mlp}. The example order is shuffled per epoch with a seeded
 * generator, so training is deterministic.
 *
 * <pre>{@code
 * Mlp mlp = new SgdTrainer(0.01, 3, 7).train(Mlp.random(1, 784, 128, 10), train);
 * }</pre>
 *
 * @param learningRate step size
 * @param epochs       passes over the training set
 * @param seed         seed of the shuffling
 */
public record SgdTrainer(double learningRate, int epochs, long seed) {
    /** Validates the hyper-parameters. */
    public SgdTrainer {
        if (!(learningRate > 0) || epochs < 0) {
            throw new IllegalArgumentException("learningRate must be > 0 and epochs >= 0: " + learningRate + ", " + epochs);
        }
    }

    /**
     * @param initial network to start from (not modified)
     * @param data    training set
     * @return the trained network (a new instance)
     */
    public Mlp train(Mlp initial, Dataset data) {
        Mlp mlp = initial.copy();
        RandomGenerator rnd = new Well19937c(seed);
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int e = 0; e < epochs; e++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int idx : order) {
                step(mlp, data.inputs()[idx], data.labels()[idx]);
            }
        }
        return mlp;
    }

    private void step(Mlp mlp, double[] x, int label) {
        int[] sizes = mlp.sizes();
        double[][] acts = mlp.activations(x);
        int last = sizes.length - 1;
        double[] delta = softmax(acts[last]);
        delta[label] -= 1;
        for (int k = mlp.layerCount() - 1; k >= 0; k--) {
            int in = sizes[k];
            double[] w = mlp.weight(k);
            double[] b = mlp.bias(k);
            double[] prev = acts[k];
            // back-propagate through the old weights before updating them
            double[] prevDelta = null;
            if (k > 0) {
                prevDelta = new double[in];
                for (int o = 0; o < delta.length; o++) {
                    double d = delta[o];
                    if (d != 0) {
                        int base = o * in;
                        for (int i = 0; i < in; i++) {
                            prevDelta[i] += w[base + i] * d;
                        }
                    }
                }
                for (int i = 0; i < in; i++) {
                    if (prev[i] <= 0) {
                        prevDelta[i] = 0;
                    }
                }
            }
            for (int o = 0; o < delta.length; o++) {
                double g = learningRate * delta[o];
                if (g != 0) {
                    int base = o * in;
                    for (int i = 0; i < in; i++) {
                        w[base + i] -= g * prev[i];
                    }
                    b[o] -= g;
                }
            }
            delta = prevDelta;
        }
    }

    static double[] softmax(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }
}
