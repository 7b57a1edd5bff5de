package org.perfjunit.sim.tensor;

/**
 * Shape and seed of a {@link TernaryModel}. Same spec, same weights, same tokens.
 *
 * @param vocabulary number of token ids
 * @param hidden     width of the hidden state (and of every ternary layer)
 * @param layers     number of ternary hidden layers
 * @param seed       seed of the latent weights and embeddings
 */
public record TernaryModelSpec(int vocabulary, int hidden, int layers, long seed) {

    /** Validates the shape. */
    public TernaryModelSpec {
        if (vocabulary < 2 || hidden < 1 || layers < 0) {
            throw new IllegalArgumentException("need vocabulary ≥ 2, hidden ≥ 1, layers ≥ 0; got " + this);
        }
    }

    /** @return the default example model: 1024 tokens, 512 wide, 4 layers, seed 42 (~1.5 M ternary weights) */
    public static TernaryModelSpec small() {
        return new TernaryModelSpec(1024, 512, 4, 42L);
    }

    /** @return a model small enough for unit tests: 64 tokens, 48 wide, 2 layers */
    public static TernaryModelSpec tiny() {
        return new TernaryModelSpec(64, 48, 2, 7L);
    }

    /** @return ternary multiply-accumulates per generated token ({@code layers·hidden² + vocabulary·hidden}) */
    public long macsPerToken() {
        return (long) layers * hidden * hidden + (long) vocabulary * hidden;
    }
}
