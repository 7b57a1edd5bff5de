package org.perfjunit.sim.tensor;

/**
 * One greedy generation with a {@link TernaryModel}: feed a prompt with {@link #prefill(int[])} (returns
 * the first generated token), then call {@link #next()} per further token. Deterministic: the same model,
 * prompt and any kernel produce the same tokens. Not thread-safe.
 */
public final class TernaryInferenceSession {

    private static final float CONTEXT_DECAY = 0.5f;

    private final TernaryModel model;
    private final TernaryMatVec kernel;
    private final float[] state;
    private final float[] x;
    private final float[] normed;
    private final float[] projected;
    private final float[] logits;
    private int lastToken = -1;
    private long generated;

    TernaryInferenceSession(TernaryModel model, TernaryMatVec kernel) {
        this.model = model;
        this.kernel = kernel;
        int h = model.spec().hidden();
        this.state = new float[h];
        this.x = new float[h];
        this.normed = new float[h];
        this.projected = new float[h];
        this.logits = new float[model.spec().vocabulary()];
    }

    /** Consumes the prompt (at least one token) and returns the first generated token. */
    public int prefill(int[] prompt) {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("prompt must hold at least one token");
        }
        int token = -1;
        for (int t : prompt) {
            token = step(t);
        }
        return token;
    }

    /** @return the next token, after {@link #prefill(int[])} */
    public int next() {
        if (lastToken < 0) {
            throw new IllegalStateException("call prefill(prompt) before next()");
        }
        return step(lastToken);
    }

    /** Prefills {@code prompt} and returns {@code count} generated tokens (the first comes from the prefill). */
    public int[] generate(int[] prompt, int count) {
        int[] tokens = new int[count];
        if (count > 0) {
            tokens[0] = prefill(prompt);
            for (int i = 1; i < count; i++) {
                tokens[i] = next();
            }
        }
        return tokens;
    }

    /** @return tokens generated so far (including those computed while consuming the prompt) */
    public long steps() {
        return generated;
    }

    private int step(int token) {
        TernaryModelSpec spec = model.spec();
        if (token < 0 || token >= spec.vocabulary()) {
            throw new IllegalArgumentException("token " + token + " outside vocabulary of " + spec.vocabulary());
        }
        int h = spec.hidden();
        float[] embeddings = model.embeddings();
        for (int i = 0; i < h; i++) {
            x[i] = embeddings[token * h + i] + CONTEXT_DECAY * state[i];
        }
        for (int l = 0; l < spec.layers(); l++) {
            rmsNorm(x, normed);
            kernel.multiply(model.layer(l), normed, projected);
            for (int i = 0; i < h; i++) {
                float relu = Math.max(projected[i], 0f);
                x[i] += relu * relu;   // squared ReLU, as in BitNet's feed-forward blocks
            }
        }
        rmsNorm(x, normed);
        System.arraycopy(normed, 0, state, 0, h);
        kernel.multiply(model.output(), normed, logits);
        lastToken = argMax(logits);
        generated++;
        return lastToken;
    }

    private static void rmsNorm(float[] in, float[] out) {
        double squares = 0;
        for (float v : in) {
            squares += (double) v * v;
        }
        float inverse = (float) (1.0 / Math.sqrt(squares / in.length + 1e-6));
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * inverse;
        }
    }

    private static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "TernaryInferenceSession[" + kernel.kind() + ", steps=" + generated + "]";
    }
}
