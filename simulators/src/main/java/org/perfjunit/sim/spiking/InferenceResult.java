package org.perfjunit.sim.spiking;

import java.util.Optional;

/**
 * Outcome of one {@link SpikingMlp} inference.
 *
 * @param prediction index of the winning output neuron
 * @param scores     per output neuron: spikes + residual voltage / threshold (total integrated input in threshold units)
 * @param counts     activity of this inference
 * @param raster     the spike raster when it was requested
 */
public record InferenceResult(int prediction, double[] scores, ActivityCounts counts, Optional<SpikeRaster> raster) {
}
