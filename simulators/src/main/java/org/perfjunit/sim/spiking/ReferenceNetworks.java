package org.perfjunit.sim.spiking;

/**
 * The networks the spiking benchmarks measure, built deterministically.
 *
 * <p><b>Small reference network</b> ({@link #small()}): a 784-128-10 ReLU MLP trained with plain
 * SGD (learning rate 0.01, 3 epochs, shuffle seed 7, init seed 3) on 2000 {@link SyntheticDigits}
 * (28 × 28, prototype seed 42, sample seed 1), tested on 500 others (seed 2), converted with
 * {@link AnnToSnnConverter#robust()} calibrated on the first 200 training examples. Its timing
 * case runs T = 32 steps, rate coding, Loihi fixed point, seed 11. Building it takes about 2 s.
 */
public final class ReferenceNetworks {
    /** Image side of the reference data (784 inputs). */
    public static final int SIDE = 28;
    /** Time steps of the timing case. */
    public static final int TIMING_STEPS = 32;

    private ReferenceNetworks() {
    }

    /** @return the small reference network (784-128-10), trained and converted */
    public static ReferenceNetwork small() {
        return trained(SIDE, 2000, 128);
    }

    /**
     * A trained and converted network on {@code side × side} synthetic digits.
     *
     * @param side         image side
     * @param trainSize    training examples
     * @param hiddenSizes  hidden layer sizes
     * @return the network
     */
    public static ReferenceNetwork trained(int side, int trainSize, int... hiddenSizes) {
        SyntheticDigits digits = new SyntheticDigits(side, 42);
        Dataset train = digits.sample(trainSize, 1);
        Dataset test = digits.sample(500, 2);
        int[] sizes = new int[hiddenSizes.length + 2];
        sizes[0] = side * side;
        System.arraycopy(hiddenSizes, 0, sizes, 1, hiddenSizes.length);
        sizes[sizes.length - 1] = SyntheticDigits.CLASSES;
        Mlp ann = new SgdTrainer(0.01, 3, 7).train(Mlp.random(3, sizes), train);
        SpikingMlp snn = AnnToSnnConverter.robust().convert(ann, train.slice(0, Math.min(200, trainSize)));
        return new ReferenceNetwork(ann, snn, train, test,
                SimulationOptions.of(TIMING_STEPS, InputEncoding.RATE, Precision.FIXED, 11));
    }

    /**
     * An untrained (He-initialised) network converted with calibration on 50 synthetic inputs:
     * for compile-time and model-size scaling, where accuracy does not matter.
     *
     * @param seed  weight seed
     * @param sizes layer sizes; the input size must be a square (side²)
     * @return the spiking network
     */
    public static SpikingMlp untrained(long seed, int... sizes) {
        int side = (int) Math.round(Math.sqrt(sizes[0]));
        if (side * side != sizes[0]) {
            throw new IllegalArgumentException("input size must be a square: " + sizes[0]);
        }
        Dataset calibration = new SyntheticDigits(side, 42).sample(50, 1);
        return AnnToSnnConverter.robust().convert(Mlp.random(seed, sizes), calibration);
    }
}
