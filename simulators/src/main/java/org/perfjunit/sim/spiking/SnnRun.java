package org.perfjunit.sim.spiking;

import java.util.Arrays;
import java.util.Optional;
import java.util.SplittableRandom;

/** Simulation state of one {@link SpikingMlp} (struct-of-arrays), reused across a batch. */
final class SnnRun {
    private static final long V_MAX = (1L << 23) - 1;
    private static final int GRADED_LEVELS = 255;
    private final SpikingMlp net;
    private final SimulationOptions options;
    private final int[] sizes;
    private final int layers;
    private final double[][] voltF;
    private final long[][] voltI;
    private final double[] currentF;
    private final long[] currentI;
    private int[][] prevIdx;
    private int[][] curIdx;
    private final int[] prevCount;
    private final int[] curCount;

    SnnRun(SpikingMlp net, SimulationOptions options) {
        this.net = net;
        this.options = options;
        this.sizes = net.sizes();
        this.layers = sizes.length - 1;
        int max = Arrays.stream(sizes).max().orElse(0);
        this.voltF = new double[sizes.length][];
        this.voltI = new long[sizes.length][];
        this.prevIdx = new int[sizes.length][];
        this.curIdx = new int[sizes.length][];
        for (int l = 0; l < sizes.length; l++) {
            voltF[l] = new double[sizes[l]];
            voltI[l] = new long[sizes[l]];
            prevIdx[l] = new int[sizes[l]];
            curIdx[l] = new int[sizes[l]];
        }
        this.currentF = new double[max];
        this.currentI = new long[max];
        this.prevCount = new int[sizes.length];
        this.curCount = new int[sizes.length];
    }

    InferenceResult run(double[] x, long seed) {
        int steps = options.timeSteps();
        boolean fixed = options.precision() == Precision.FIXED;
        boolean direct = options.encoding() == InputEncoding.DIRECT;
        for (int l = 0; l < sizes.length; l++) {
            Arrays.fill(voltF[l], 0);
            Arrays.fill(voltI[l], 0);
        }
        Arrays.fill(prevCount, 0);
        ActivityCounts counts = new ActivityCounts(sizes, steps);
        SpikeRaster raster = options.recordRaster() ? new SpikeRaster(sizes, steps) : null;
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] graded = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            graded[i] = (int) Math.round(Math.max(0, Math.min(1, x[i])) * GRADED_LEVELS);
        }
        for (int t = 0; t < steps; t++) {
            for (int l = layers; l >= 1; l--) {
                if (fixed) {
                    stepFixed(l, t, direct, graded, counts, raster);
                } else {
                    stepFloat(l, t, direct, x, counts, raster);
                }
            }
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                boolean event = direct ? x[i] > 0 : rnd.nextDouble() < x[i];
                if (event) {
                    curIdx[0][n++] = i;
                    counts.spike(0, t, i);
                    if (raster != null) {
                        raster.record(0, t, i);
                    }
                }
            }
            curCount[0] = n;
            int[][] swap = prevIdx;
            prevIdx = curIdx;
            curIdx = swap;
            System.arraycopy(curCount, 0, prevCount, 0, curCount.length);
        }
        counts.addInference();
        double[] scores = new double[sizes[layers]];
        for (int o = 0; o < scores.length; o++) {
            double residual = fixed ? voltI[layers][o] / (double) threshold(layers, direct) : voltF[layers][o];
            scores[o] = counts.spikes(layers, o) + residual;
        }
        return new InferenceResult(Mlp.argmax(scores), scores, counts, Optional.ofNullable(raster));
    }

    private void stepFloat(int l, int t, boolean direct, double[] x, ActivityCounts counts, SpikeRaster raster) {
        int k = l - 1;
        int out = sizes[l];
        double[] w = net.floatWeights(k);
        System.arraycopy(net.floatBias(k), 0, currentF, 0, out);
        int[] events = prevIdx[k];
        for (int e = 0; e < prevCount[k]; e++) {
            int i = events[e];
            double g = k == 0 && direct ? x[i] : 1.0;
            int base = i * out;
            for (int o = 0; o < out; o++) {
                currentF[o] += g * w[base + o];
            }
        }
        counts.addSynapticOps((long) prevCount[k] * out);
        double[] v = voltF[l];
        int n = 0;
        long active = 0;
        for (int o = 0; o < out; o++) {
            double vo = v[o];
            active += currentF[o] != 0 || vo != 0 ? 1 : 0;
            vo += currentF[o];
            if (vo >= 1.0) {
                vo -= 1.0;
                curIdx[l][n++] = o;
                counts.spike(l, t, o);
                if (raster != null) {
                    raster.record(l, t, o);
                }
            }
            v[o] = vo;
        }
        curCount[l] = n;
        counts.addUpdates(active, out - active);
    }

    private void stepFixed(int l, int t, boolean direct, int[] graded, ActivityCounts counts, SpikeRaster raster) {
        int k = l - 1;
        int out = sizes[l];
        int[] w = net.fixedWeights(k);
        int[] bias = net.fixedBias(k);
        long scale = k == 0 && direct ? GRADED_LEVELS : 1;
        for (int o = 0; o < out; o++) {
            currentI[o] = bias[o] * scale;
        }
        int[] events = prevIdx[k];
        for (int e = 0; e < prevCount[k]; e++) {
            int i = events[e];
            long g = k == 0 && direct ? graded[i] : 1;
            int base = i * out;
            for (int o = 0; o < out; o++) {
                currentI[o] += g * w[base + o];
            }
        }
        counts.addSynapticOps((long) prevCount[k] * out);
        long th = threshold(l, direct);
        // graded 8-bit input widens the first layer's accumulator beyond 24 bits (see SpikingMlp)
        long vmax = k == 0 && direct ? Long.MAX_VALUE / 4 : V_MAX;
        long[] v = voltI[l];
        int n = 0;
        long active = 0;
        for (int o = 0; o < out; o++) {
            long vo = v[o];
            active += currentI[o] != 0 || vo != 0 ? 1 : 0;
            vo = Math.max(-vmax, Math.min(vmax, vo + currentI[o]));
            if (vo >= th) {
                vo -= th;
                curIdx[l][n++] = o;
                counts.spike(l, t, o);
                if (raster != null) {
                    raster.record(l, t, o);
                }
            }
            v[o] = vo;
        }
        curCount[l] = n;
        counts.addUpdates(active, out - active);
    }

    private long threshold(int l, boolean direct) {
        return (long) net.fixedThreshold(l - 1) * (l == 1 && direct ? GRADED_LEVELS : 1);
    }
}
