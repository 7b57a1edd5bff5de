package org.perfjunit.sim.photonic;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A feed-forward network description: a sequence of {@link Linear} and {@link Relu} layers,
 * the input the {@link PhotonicCompiler} consumes.
 *
 * <p>Builders for the reference suites' models (all with seeded LeCun-initialised weights):
 * <ul>
 *   <li>{@link #small(long)}: 784-128-10, photon-mlir-bridge's "small model" (target: compile &lt; 100 ms);</li>
 *   <li>{@link #medium(long)}: 1024-512-256-10, between the two;</li>
 *   <li>{@link #large(long)}: 2048-1024-512-10, the "large model" (target: compile &lt; 2 s);</li>
 *   <li>{@link #deep(int, int, long)}: stacks for holo-code-gen's scaling table
 *       (small &lt; 10 layers, medium 10-100 layers, large &gt; 100 layers; its example uses 50).</li>
 * </ul>
 * <pre>{@code
 * Network net = Network.small(42);
 * double[] y = net.forward(x);
 * }</pre>
 *
 * @param layers the layers in evaluation order, widths chained
 */
public record Network(List<Layer> layers) {

    /** Checks that layer widths chain. */
    public Network {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputs() != layers.get(i - 1).outputs()) {
                throw new IllegalArgumentException("layer " + i + " " + layers.get(i) + " expects "
                        + layers.get(i).inputs() + " inputs but layer " + (i - 1) + " produces "
                        + layers.get(i - 1).outputs());
            }
        }
    }

    /**
     * A multi-layer perceptron: {@code Linear, ReLU, Linear, ..., Linear} (no ReLU after the last).
     *
     * @param seed   seed of the weights
     * @param widths layer widths, input first, at least two
     * @return the network
     */
    public static Network mlp(long seed, int... widths) {
        if (widths.length < 2) {
            throw new IllegalArgumentException("an MLP needs at least an input and an output width");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(Linear.random(widths[i], widths[i + 1], random));
            if (i + 2 < widths.length) {
                layers.add(new Relu(widths[i + 1]));
            }
        }
        return new Network(layers);
    }

    /** photon-mlir-bridge's small model, {@code Linear(784,128), ReLU, Linear(128,10)}. */
    public static Network small(long seed) {
        return mlp(seed, 784, 128, 10);
    }

    /** A medium model, {@code 1024-512-256-10} with ReLUs between. */
    public static Network medium(long seed) {
        return mlp(seed, 1024, 512, 256, 10);
    }

    /** photon-mlir-bridge's large model, {@code 2048-1024-512-10} with ReLUs between. */
    public static Network large(long seed) {
        return mlp(seed, 2048, 1024, 512, 10);
    }

    /**
     * A deep stack of {@code linearLayers} square {@code width × width} linear layers with ReLUs
     * between, as in holo-code-gen's {@code create_large_test_network(layers=50)}.
     *
     * @param linearLayers number of linear layers
     * @param width        width of every layer
     * @param seed         seed of the weights
     * @return the network
     */
    public static Network deep(int linearLayers, int width, long seed) {
        int[] widths = new int[linearLayers + 1];
        java.util.Arrays.fill(widths, width);
        return mlp(seed, widths);
    }

    /** Input width. */
    public int inputs() {
        return layers.get(0).inputs();
    }

    /** Output width. */
    public int outputs() {
        return layers.get(layers.size() - 1).outputs();
    }

    /** The linear layers, in order. */
    public List<Linear> linearLayers() {
        List<Linear> result = new ArrayList<>();
        for (Layer layer : layers) {
            if (layer instanceof Linear linear) {
                result.add(linear);
            }
        }
        return result;
    }

    /** Multiply-accumulates of one forward pass. */
    public long macs() {
        return linearLayers().stream().mapToLong(Linear::macs).sum();
    }

    /**
     * Evaluates the network in double precision (the electronic reference).
     *
     * @param x input of length {@link #inputs()}
     * @return the output
     */
    public double[] forward(double[] x) {
        double[] v = x;
        for (Layer layer : layers) {
            if (layer instanceof Linear linear) {
                v = linear.apply(v);
            } else {
                v = relu(v);
            }
        }
        return v;
    }

    static double[] relu(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Math.max(0, v[i]);
        }
        return out;
    }
}
