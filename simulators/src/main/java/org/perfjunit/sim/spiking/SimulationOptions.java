package org.perfjunit.sim.spiking;

/**
 * How to run a {@link SpikingMlp} inference.
 *
 * @param timeSteps    algorithmic time steps per input (T)
 * @param encoding     input encoding
 * @param precision    float or Loihi fixed point
 * @param seed         seed of the rate encoder (ignored for {@link InputEncoding#DIRECT})
 * @param recordRaster whether to keep the full spike raster (costs memory)
 */
public record SimulationOptions(int timeSteps, InputEncoding encoding, Precision precision, long seed,
                                boolean recordRaster) {
    /** Validates the options. */
    public SimulationOptions {
        if (timeSteps <= 0) {
            throw new IllegalArgumentException("timeSteps must be positive: " + timeSteps);
        }
        java.util.Objects.requireNonNull(encoding, "encoding");
        java.util.Objects.requireNonNull(precision, "precision");
    }

    /**
     * @param timeSteps T
     * @param encoding  input encoding
     * @param precision arithmetic
     * @param seed      rate-encoder seed
     * @return options without raster recording
     */
    public static SimulationOptions of(int timeSteps, InputEncoding encoding, Precision precision, long seed) {
        return new SimulationOptions(timeSteps, encoding, precision, seed, false);
    }

    /** @return the same options with raster recording switched on */
    public SimulationOptions withRaster() {
        return new SimulationOptions(timeSteps, encoding, precision, seed, true);
    }

    /** @param newSeed seed @return the same options with another seed */
    public SimulationOptions withSeed(long newSeed) {
        return new SimulationOptions(timeSteps, encoding, precision, newSeed, recordRaster);
    }
}
