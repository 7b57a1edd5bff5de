package org.perfjunit.sim.tensor;

import java.util.Random;

/**
 * A tiny deterministic 1.58-bit language "model": token embedding, a stack of ternary linear layers with
 * RMS normalisation, squared-ReLU activation and residual connections, and a ternary output projection
 * whose argmax is the next token. It has no attention; a decayed copy of the last hidden state carries
 * context from token to token. It is not trained: its weights are seeded Gaussians quantized with
 * BitNet b1.58's absmean rule, so it produces a real, reproducible token stream at real cost.
 *
 * <p>{@link #load(TernaryModelSpec)} is the "model load" step (generate latent weights, quantize, pack);
 * {@link #newSession(TernaryKernel)} starts a generation whose {@link TernaryInferenceSession#prefill}
 * returns the first token (first-token latency) and {@link TernaryInferenceSession#next()} each further one.
 *
 * <pre>{@code
 * TernaryModel model = TernaryModel.load(TernaryModelSpec.small());
 * TernaryInferenceSession session = model.newSession(TernaryKernel.OPTIMIZED);
 * int[] tokens = session.generate(new int[] {1, 2, 3}, 32);
 * }</pre>
 */
public final class TernaryModel {

    private final TernaryModelSpec spec;
    private final float[] embeddings;
    private final TernaryMatrix[] layers;
    private final TernaryMatrix output;

    private TernaryModel(TernaryModelSpec spec, float[] embeddings, TernaryMatrix[] layers, TernaryMatrix output) {
        this.spec = spec;
        this.embeddings = embeddings;
        this.layers = layers;
        this.output = output;
    }

    /** Builds the model from its spec: seeded latent weights, absmean ternary quantization, bit packing. */
    public static TernaryModel load(TernaryModelSpec spec) {
        Random random = new Random(spec.seed());
        int h = spec.hidden();
        float[] embeddings = gaussian(random, spec.vocabulary() * h, 1.0);
        TernaryMatrix[] layers = new TernaryMatrix[spec.layers()];
        for (int l = 0; l < layers.length; l++) {
            layers[l] = TernaryMatrix.quantize(gaussian(random, h * h, 1.0 / Math.sqrt(h)), h, h);
        }
        TernaryMatrix output = TernaryMatrix.quantize(gaussian(random, spec.vocabulary() * h, 1.0 / Math.sqrt(h)),
                spec.vocabulary(), h);
        return new TernaryModel(spec, embeddings, layers, output);
    }

    private static float[] gaussian(Random random, int n, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * sd);
        }
        return values;
    }

    /** @return a new generation session computing with {@code kernel} (sessions are single-threaded) */
    public TernaryInferenceSession newSession(TernaryKernel kernel) {
        return new TernaryInferenceSession(this, kernel.create());
    }

    /** @return the spec this model was loaded from */
    public TernaryModelSpec spec() {
        return spec;
    }

    /** @return bytes of model data: float embeddings plus packed ternary weights */
    public long memoryBytes() {
        long bytes = (long) embeddings.length * Float.BYTES + output.packedBytes();
        for (TernaryMatrix layer : layers) {
            bytes += layer.packedBytes();
        }
        return bytes;
    }

    /** @return bytes the same weights would take as dense float32 (for the compression ratio) */
    public long denseFloatBytes() {
        return ((long) spec.layers() * spec.hidden() * spec.hidden() + (long) spec.vocabulary() * spec.hidden()
                + (long) spec.vocabulary() * spec.hidden()) * Float.BYTES;
    }

    float[] embeddings() {
        return embeddings;
    }

    TernaryMatrix layer(int index) {
        return layers[index];
    }

    TernaryMatrix output() {
        return output;
    }
}
