package org.perfjunit.sim.spiking;

/**
 * A converted spiking network of non-leaky integrate-and-fire neurons with reset by subtraction,
 * made by {@link AnnToSnnConverter}. Immutable and safe to share between threads.
 *
 * <p>Per time step {@code t}, for every layer {@code l ≥ 1} (input events are layer 0):
 * <pre>
 *   I = bias + Σ_{i spiked in layer l-1 at step t-1} W[i, ·]     // Loihi: dense synapses, one-step delay
 *   v = v + I
 *   spike where v ≥ θ;  v = v - θ there                            // reset by subtraction
 * </pre>
 * This is the Loihi LIF of {@link LifFloat}/{@link LifFixed} with {@code du = 1} (4095 in fixed
 * point: no current memory), {@code dv = 0} (no leak), and reset by subtraction instead of to
 * zero (programmable on Loihi 2). In integers {@code v ≥ θ} equals {@code v > θ − 1}, which the chip can
 * express only when {@code θ − 1} is a multiple of 64 (see the differences below).
 * The output layer is read out as {@code spikes + v/θ}, the total input it integrated; the
 * prediction is its argmax. Because of the one-step delay per layer, the output sees the input
 * from step {@code L} on (pipeline fill), as on the chip.
 *
 * <p><b>{@link Precision#FIXED} is Loihi-style integer arithmetic, not the bit-accurate neuron of
 * {@link LifFixed}.</b> It runs its own integer loop, which differs from {@link LifFixed} in four ways:
 * <ol>
 *   <li>reset by subtraction ({@code v -= θ}), where {@link LifFixed} (Loihi 1, Lava's bit-accurate
 *       model) resets to zero; the conversion's accuracy depends on keeping the residual;</li>
 *   <li>spike when {@code v ≥ θ}, where {@link LifFixed} spikes when {@code v > vth·2^6};</li>
 *   <li>no 24-bit current register and so no wrap-around: the current is recomputed from the
 *       step's input each step ({@code du = 4095}), held in a 64-bit integer;</li>
 *   <li>thresholds are any integer {@code round(S·2^e)} (e.g. 121045 and 33545 for the reference
 *       networks), where Loihi's threshold is a 17-bit mantissa shifted by 6 bits, a multiple of 64.</li>
 * </ol>
 * Its accuracy figures are therefore those of an idealised integer chip with programmable reset, not
 * a bit-exact prediction of Loihi 1; a network run through {@link LifFixed} would need thresholds on
 * the 64-grid and a conversion calibrated for reset to zero.
 *
 * <p>Fixed point: weights are 8-bit signed mantissas {@code m ∈ [-127, 127]} times
 * {@code 2^weightExponent} (in Lava's {@link DenseFixed} encoding: weight {@code 2m}, exponent
 * {@code weightExponent - 1}); biases and thresholds are integers in the same units; voltages
 * are clipped to 24 bits.
 */
public final class SpikingMlp {
    private final int[] sizes;
    private final double[][] weightsF;
    private final double[][] biasF;
    private final int[][] weightsI;
    private final int[][] biasI;
    private final int[] thresholdI;
    private final int weightExponent;

    SpikingMlp(int[] sizes, double[][] weightsF, double[][] biasF, int[][] weightsI, int[][] biasI,
               int[] thresholdI, int weightExponent) {
        this.sizes = sizes.clone();
        this.weightsF = weightsF;
        this.biasF = biasF;
        this.weightsI = weightsI;
        this.biasI = biasI;
        this.thresholdI = thresholdI;
        this.weightExponent = weightExponent;
    }

    /**
     * Runs one input through the network.
     *
     * @param x       input in [0, 1], length {@code sizes()[0]}
     * @param options steps, encoding, precision, seed
     * @return prediction, scores and activity counts
     */
    public InferenceResult infer(double[] x, SimulationOptions options) {
        if (x.length != sizes[0]) {
            throw new IllegalArgumentException("input length [" + x.length + "] != network input size [" + sizes[0] + "]");
        }
        return new SnnRun(this, options).run(x, options.seed());
    }

    /**
     * Runs a batch sequentially, reusing the simulation state arrays. Input {@code k} uses the
     * rate-encoder seed {@code options.seed() + k}, so a batch equals its inputs run one by one.
     *
     * @param xs      inputs
     * @param options steps, encoding, precision, base seed (raster recording is ignored)
     * @return per-input predictions and summed activity
     */
    public BatchResult inferBatch(double[][] xs, SimulationOptions options) {
        SnnRun run = new SnnRun(this, new SimulationOptions(options.timeSteps(), options.encoding(),
                options.precision(), options.seed(), false));
        int[] predictions = new int[xs.length];
        ActivityCounts total = new ActivityCounts(sizes, options.timeSteps());
        for (int k = 0; k < xs.length; k++) {
            InferenceResult r = run.run(xs[k], options.seed() + k);
            predictions[k] = r.prediction();
            total.addAll(r.counts());
        }
        return new BatchResult(predictions, total);
    }

    /** @return layer sizes, input first (a copy) */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return number of weight layers */
    public int layerCount() {
        return sizes.length - 1;
    }

    /** @return number of synapses (Σ in × out) */
    public long synapseCount() {
        long n = 0;
        for (int k = 0; k < layerCount(); k++) {
            n += (long) sizes[k] * sizes[k + 1];
        }
        return n;
    }

    /** @return shared weight exponent of the fixed-point weights */
    public int weightExponent() {
        return weightExponent;
    }

    /** @param k layer @return fixed-point threshold of layer {@code k + 1} */
    public int fixedThreshold(int k) {
        return thresholdI[k];
    }

    // Package-private raw access for the simulator and the compiler: pre-major, w[i * out + o].
    double[] floatWeights(int k) {
        return weightsF[k];
    }

    double[] floatBias(int k) {
        return biasF[k];
    }

    int[] fixedWeights(int k) {
        return weightsI[k];
    }

    int[] fixedBias(int k) {
        return biasI[k];
    }
}
