package org.perfjunit.sim.spiking;

import java.util.SplittableRandom;

/**
 * A Spikformer-style spiking self-attention block (Zhou et al., "Spikformer: When Spiking Neural
 * Network Meets Transformer", ICLR 2023), without softmax.
 *
 * <p>Per time step, with binary input spikes {@code X} ({@code tokens × dim}):
 * <pre>
 *   Q = LIF(X·Wq),  K = LIF(X·Wk),  V = LIF(X·Wv)      // spike matrices
 *   A = LIF(scale · Q·(Kᵀ·V))                          // integer products, no softmax
 *   Y = LIF(A·Wo)
 * </pre>
 * Every LIF is {@link LifFloat} with {@code du = 1}, {@code dv = 0.5} (Spikformer's τ = 2),
 * reset to zero, threshold 1 (0.5 for {@code A}, as in Spikformer). Since Q, K, V are binary,
 * {@code Q·(Kᵀ·V)} is computed with additions only: each K spike adds a V row (dim
 * accumulates), each Q spike adds a {@code Kᵀ·V} row (dim accumulates), as each input spike adds
 * a weight row. {@link Result#accumulates()} counts them; {@link Result#equivalentMacs()} is the
 * MAC count of the same block in a conventional (ANN) transformer. Weights are Gaussian
 * {@code N(0, 2/dim)} from the seed. Not thread-safe (holds neuron state).
 */
public final class SpikingSelfAttention {
    private final int tokens;
    private final int dim;
    private final double scale;
    private final double[][][] weights; // Wq, Wk, Wv, Wo: [4][dim in][dim out]

    /**
     * Result of a run.
     *
     * @param output          output spikes {@code [T][tokens][dim]}
     * @param accumulates     additions performed (spike-driven)
     * @param equivalentMacs  MACs of a conventional attention block over the same steps
     * @param spikes          spikes emitted by Q, K, V, A and Y neurons
     */
    public record Result(boolean[][][] output, long accumulates, long equivalentMacs, long spikes) {
    }

    /**
     * @param tokens sequence length N
     * @param dim    embedding size D
     * @param seed   weight seed
     */
    public SpikingSelfAttention(int tokens, int dim, long seed) {
        this.tokens = tokens;
        this.dim = dim;
        this.scale = 0.125;
        SplittableRandom rnd = new SplittableRandom(seed);
        this.weights = new double[4][dim][dim];
        double sd = Math.sqrt(2.0 / dim);
        for (double[][] w : weights) {
            for (double[] row : w) {
                for (int j = 0; j < dim; j++) {
                    row[j] = sd * gaussian(rnd);
                }
            }
        }
    }

    /** Box-Muller on SplittableRandom: stable across JDK versions, unlike nextGaussian's algorithm. */
    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /**
     * @param input spikes {@code [T][tokens][dim]}
     * @return output spikes and operation counts; neuron state starts at zero for every run
     */
    public Result run(boolean[][][] input) {
        int n = tokens * dim;
        LifFloat[] lif = {new LifFloat(n, 1, 0.5, 0, 1), new LifFloat(n, 1, 0.5, 0, 1), new LifFloat(n, 1, 0.5, 0, 1),
                new LifFloat(n, 1, 0.5, 0, 0.5), new LifFloat(n, 1, 0.5, 0, 1)};
        boolean[][] s = new boolean[5][n];
        double[] current = new double[n];
        long[] acc = new long[1];
        long spikes = 0;
        boolean[][][] out = new boolean[input.length][tokens][dim];
        for (int t = 0; t < input.length; t++) {
            for (int p = 0; p < 3; p++) {
                project(input[t], weights[p], current, acc);
                spikes += lif[p].step(current, s[p]);
            }
            int[][] y = attend(matrix(s[0]), matrix(s[1]), matrix(s[2]), acc);
            for (int i = 0; i < tokens; i++) {
                for (int d = 0; d < dim; d++) {
                    current[i * dim + d] = scale * y[i][d];
                }
            }
            spikes += lif[3].step(current, s[3]);
            project(matrix(s[3]), weights[3], current, acc);
            spikes += lif[4].step(current, s[4]);
            for (int i = 0; i < tokens; i++) {
                System.arraycopy(s[4], i * dim, out[t][i], 0, dim);
            }
        }
        long macs = (long) input.length * (4L * tokens * dim * dim + 2L * tokens * tokens * dim);
        return new Result(out, acc[0], macs, spikes);
    }

    /**
     * Spike-driven {@code Q·(Kᵀ·V)} for binary matrices, additions only.
     *
     * @param q   {@code tokens × dim} spikes
     * @param k   {@code tokens × dim} spikes
     * @param v   {@code tokens × dim} spikes
     * @param acc one-element counter incremented by the additions performed
     * @return the integer product {@code tokens × dim}
     */
    public static int[][] attend(boolean[][] q, boolean[][] k, boolean[][] v, long[] acc) {
        int dim = q[0].length;
        int[][] ktv = new int[dim][dim];
        for (int i = 0; i < k.length; i++) {
            for (int d = 0; d < dim; d++) {
                if (k[i][d]) {
                    for (int e = 0; e < dim; e++) {
                        ktv[d][e] += v[i][e] ? 1 : 0;
                    }
                    acc[0] += dim;
                }
            }
        }
        int[][] y = new int[q.length][dim];
        for (int i = 0; i < q.length; i++) {
            for (int d = 0; d < dim; d++) {
                if (q[i][d]) {
                    for (int e = 0; e < dim; e++) {
                        y[i][e] += ktv[d][e];
                    }
                    acc[0] += dim;
                }
            }
        }
        return y;
    }

    private void project(boolean[][] x, double[][] w, double[] current, long[] acc) {
        java.util.Arrays.fill(current, 0);
        for (int i = 0; i < tokens; i++) {
            for (int e = 0; e < dim; e++) {
                if (x[i][e]) {
                    double[] row = w[e];
                    int base = i * dim;
                    for (int d = 0; d < dim; d++) {
                        current[base + d] += row[d];
                    }
                    acc[0] += dim;
                }
            }
        }
    }

    private boolean[][] matrix(boolean[] flat) {
        boolean[][] m = new boolean[tokens][dim];
        for (int i = 0; i < tokens; i++) {
            System.arraycopy(flat, i * dim, m[i], 0, dim);
        }
        return m;
    }

    /**
     * Seeded Bernoulli input spikes.
     *
     * @param steps  T
     * @param tokens N
     * @param dim    D
     * @param rate   spike probability per step
     * @param seed   seed
     * @return spikes {@code [T][N][D]}
     */
    public static boolean[][][] randomSpikes(int steps, int tokens, int dim, double rate, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        boolean[][][] x = new boolean[steps][tokens][dim];
        for (boolean[][] step : x) {
            for (boolean[] token : step) {
                for (int d = 0; d < dim; d++) {
                    token[d] = rnd.nextDouble() < rate;
                }
            }
        }
        return x;
    }
}
