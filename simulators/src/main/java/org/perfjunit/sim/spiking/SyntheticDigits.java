package org.perfjunit.sim.spiking;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Deterministic synthetic "digits": {@code side × side} images in [0, 1], ten classes.
 *
 * <p>Each class has a prototype made of three Gaussian blobs at seeded random places. An example
 * is its class prototype shifted by up to {@code side/7} pixels, scaled by a random contrast in
 * [0.7, 1], with Gaussian pixel noise (σ = 0.2), clipped to [0, 1]; values below 0.1 become 0 so
 * images are sparse like MNIST (about a fifth of the pixels are on). Not MNIST: a stand-in that
 * needs no download and makes accuracy a real, reproducible measurement.
 * Generation uses commons-math3's {@link Well19937c}, so the data are identical on every JVM.
 *
 * <pre>{@code
 * SyntheticDigits digits = new SyntheticDigits(28, 42);
 * Dataset train = digits.sample(2000, 1);
 * Dataset test = digits.sample(500, 2);
 * }</pre>
 */
public final class SyntheticDigits {
    /** Number of classes. */
    public static final int CLASSES = 10;
    private static final double NOISE = 0.2;
    private final int side;
    private final double[][] prototypes;

    /**
     * @param side image side in pixels (28 gives 784 inputs like MNIST)
     * @param seed seed of the class prototypes
     */
    public SyntheticDigits(int side, long seed) {
        if (side < 4) {
            throw new IllegalArgumentException("side must be >= 4: " + side);
        }
        this.side = side;
        this.prototypes = new double[CLASSES][];
        RandomGenerator rnd = new Well19937c(seed);
        for (int c = 0; c < CLASSES; c++) {
            prototypes[c] = prototype(rnd);
        }
    }

    private double[] prototype(RandomGenerator rnd) {
        double[] img = new double[side * side];
        for (int blob = 0; blob < 3; blob++) {
            double cx = side * (0.2 + 0.6 * rnd.nextDouble());
            double cy = side * (0.2 + 0.6 * rnd.nextDouble());
            double sigma = side * (0.06 + 0.06 * rnd.nextDouble());
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    double d2 = (x - cx) * (x - cx) + (y - cy) * (y - cy);
                    img[y * side + x] += Math.exp(-d2 / (2 * sigma * sigma));
                }
            }
        }
        double max = 0;
        for (double p : img) {
            max = Math.max(max, p);
        }
        for (int i = 0; i < img.length; i++) {
            img[i] /= max;
        }
        return img;
    }

    /**
     * Draws a data set with classes in round-robin order (balanced).
     *
     * @param count number of examples
     * @param seed  seed of shifts, contrast and noise
     * @return the examples
     */
    public Dataset sample(int count, long seed) {
        RandomGenerator rnd = new Well19937c(seed);
        double[][] inputs = new double[count][];
        int[] labels = new int[count];
        int maxShift = Math.max(1, side / 7);
        for (int k = 0; k < count; k++) {
            int c = k % CLASSES;
            int dx = rnd.nextInt(2 * maxShift + 1) - maxShift;
            int dy = rnd.nextInt(2 * maxShift + 1) - maxShift;
            double contrast = 0.7 + 0.3 * rnd.nextDouble();
            double[] img = new double[side * side];
            for (int y = 0; y < side; y++) {
                for (int x = 0; x < side; x++) {
                    int sx = x - dx;
                    int sy = y - dy;
                    double p = sx >= 0 && sx < side && sy >= 0 && sy < side ? prototypes[c][sy * side + sx] : 0;
                    double val = contrast * p + NOISE * rnd.nextGaussian();
                    img[y * side + x] = val < 0.1 ? 0 : Math.min(1, val);
                }
            }
            inputs[k] = img;
            labels[k] = c;
        }
        return new Dataset(inputs, labels, CLASSES);
    }

    /** @return number of inputs per example ({@code side²}) */
    public int inputSize() {
        return side * side;
    }
}
