package org.perfjunit.sim.spiking;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Converts a ReLU {@link Mlp} into a {@link SpikingMlp} by data-based threshold balancing
 * (Diehl et al. 2015; Rueckauer et al. 2017, "robust normalisation").
 *
 * <p>With {@code λ_0 = 1} (inputs lie in [0, 1]) and {@code λ_l} the {@code percentile}-th
 * percentile of layer {@code l}'s positive activations over the calibration data, weights and
 * biases become {@code W̃_l = W_l · λ_{l-1} / λ_l}, {@code b̃_l = b_l / λ_l}, and every threshold
 * is 1, so a neuron's firing rate approximates its ReLU activation divided by {@code λ_l}.
 * Neurons reset by subtraction, which keeps the residual charge (Rueckauer 2017).
 *
 * <p>Fixed point: per layer, {@code S = 127 / max|W̃|}; mantissa {@code m = round(S·W̃)},
 * effective weight {@code m · 2^e}, threshold {@code round(S · 2^e)}, bias {@code round(S · 2^e · b̃)}.
 *
 * @param percentile     normalisation percentile in (0, 100]; 100 = max-norm, 99.9 is robust
 * @param weightExponent fixed-point weight exponent {@code e} (0..7)
 */
public record AnnToSnnConverter(double percentile, int weightExponent) {
    /** Validates the parameters. */
    public AnnToSnnConverter {
        if (!(percentile > 0 && percentile <= 100) || weightExponent < 0 || weightExponent > 7) {
            throw new IllegalArgumentException("percentile in (0, 100] and weightExponent in [0, 7] required: "
                    + percentile + ", " + weightExponent);
        }
    }

    /** @return the converter with 99.9th-percentile normalisation and weight exponent 6 */
    public static AnnToSnnConverter robust() {
        return new AnnToSnnConverter(99.9, 6);
    }

    /**
     * @param mlp         trained network (not modified)
     * @param calibration inputs used to measure activation scales (a few hundred suffice)
     * @return the spiking network
     */
    public SpikingMlp convert(Mlp mlp, Dataset calibration) {
        int[] sizes = mlp.sizes();
        int layers = mlp.layerCount();
        double[] lambda = scales(mlp, calibration);
        double[][] wf = new double[layers][];
        double[][] bf = new double[layers][];
        int[][] wi = new int[layers][];
        int[][] bi = new int[layers][];
        int[] th = new int[layers];
        for (int k = 0; k < layers; k++) {
            int in = sizes[k];
            int out = sizes[k + 1];
            double[] w = mlp.weight(k);
            wf[k] = new double[in * out];
            double max = 0;
            for (int o = 0; o < out; o++) {
                for (int i = 0; i < in; i++) {
                    double v = w[o * in + i] * lambda[k] / lambda[k + 1];
                    wf[k][i * out + o] = v; // pre-major: a spike adds one contiguous row
                    max = Math.max(max, Math.abs(v));
                }
            }
            bf[k] = new double[out];
            for (int o = 0; o < out; o++) {
                bf[k][o] = mlp.bias(k)[o] / lambda[k + 1];
            }
            double s = max == 0 ? 1 : 127 / max;
            double unit = s * (1 << weightExponent);
            wi[k] = new int[in * out];
            for (int j = 0; j < wi[k].length; j++) {
                wi[k][j] = (int) Math.rint(s * wf[k][j]) << weightExponent;
            }
            bi[k] = new int[out];
            for (int o = 0; o < out; o++) {
                bi[k][o] = (int) Math.rint(unit * bf[k][o]);
            }
            th[k] = (int) Math.max(1, Math.rint(unit));
        }
        return new SpikingMlp(sizes, wf, bf, wi, bi, th, weightExponent);
    }

    private double[] scales(Mlp mlp, Dataset calibration) {
        int layers = mlp.layerCount();
        double[] lambda = new double[layers + 1];
        lambda[0] = 1;
        double[][] positives = new double[layers + 1][];
        int[] counts = new int[layers + 1];
        int[] sizes = mlp.sizes();
        for (int l = 1; l <= layers; l++) {
            positives[l] = new double[calibration.size() * sizes[l]];
        }
        for (double[] x : calibration.inputs()) {
            double[][] acts = mlp.activations(x);
            for (int l = 1; l <= layers; l++) {
                for (double a : acts[l]) {
                    if (a > 0) {
                        positives[l][counts[l]++] = a;
                    }
                }
            }
        }
        for (int l = 1; l <= layers; l++) {
            lambda[l] = counts[l] == 0 ? 1
                    : new Percentile().withEstimationType(Percentile.EstimationType.R_1)
                            .evaluate(positives[l], 0, counts[l], percentile);
        }
        return lambda;
    }
}
