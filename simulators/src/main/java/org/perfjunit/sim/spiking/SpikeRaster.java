package org.perfjunit.sim.spiking;

import java.util.BitSet;

/**
 * Which neuron spiked at which step, per layer (layer 0 = input events).
 * Two rasters are equal when every layer has the same spikes at the same steps.
 */
public final class SpikeRaster {
    private final int[] sizes;
    private final int timeSteps;
    private final BitSet[] bits;

    SpikeRaster(int[] sizes, int timeSteps) {
        this.sizes = sizes.clone();
        this.timeSteps = timeSteps;
        this.bits = new BitSet[sizes.length];
        for (int l = 0; l < sizes.length; l++) {
            bits[l] = new BitSet(sizes[l] * timeSteps);
        }
    }

    void record(int layer, int step, int neuron) {
        bits[layer].set(step * sizes[layer] + neuron);
    }

    /**
     * @param layer  layer index (0 = input)
     * @param step   time step
     * @param neuron neuron index
     * @return whether that neuron spiked at that step
     */
    public boolean spiked(int layer, int step, int neuron) {
        return bits[layer].get(step * sizes[layer] + neuron);
    }

    /** @param layer layer index @return number of spikes of that layer over all steps */
    public int spikeCount(int layer) {
        return bits[layer].cardinality();
    }

    /** @return time steps recorded */
    public int timeSteps() {
        return timeSteps;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeRaster r && timeSteps == r.timeSteps
                && java.util.Arrays.equals(sizes, r.sizes) && java.util.Arrays.equals(bits, r.bits);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bits) * 31 + timeSteps;
    }
}
