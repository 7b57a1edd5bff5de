package org.perfjunit.sim.spiking;

/**
 * Event counts of one or more inferences: the inputs of the energy and latency model.
 *
 * <ul>
 *   <li>synaptic operations: for every spike (or graded input event) delivered within the T steps,
 *       one per fan-out synapse (spikes of the last step arrive after the window);</li>
 *   <li>neuron updates: one per neuron (layers 1..L) per step; <em>active</em> when the neuron
 *       received non-zero input current (synaptic or bias) or had non-zero voltage, else inactive;</li>
 *   <li>spikes per layer, per neuron and per step (layer 0 = input events).</li>
 * </ul>
 * Counts of a batch are sums over its inferences; {@link #inferences()} says how many.
 */
public final class ActivityCounts {
    private final int[] sizes;
    private final int timeSteps;
    private final long[][] spikesPerNeuron;
    private final long[][] spikesPerStep;
    private long synapticOps;
    private long activeUpdates;
    private long inactiveUpdates;
    private int inferences;

    ActivityCounts(int[] sizes, int timeSteps) {
        this.sizes = sizes.clone();
        this.timeSteps = timeSteps;
        this.spikesPerNeuron = new long[sizes.length][];
        this.spikesPerStep = new long[sizes.length][timeSteps];
        for (int l = 0; l < sizes.length; l++) {
            spikesPerNeuron[l] = new long[sizes[l]];
        }
    }

    void spike(int layer, int step, int neuron) {
        spikesPerNeuron[layer][neuron]++;
        spikesPerStep[layer][step]++;
    }

    void addSynapticOps(long n) {
        synapticOps += n;
    }

    void addUpdates(long active, long inactive) {
        activeUpdates += active;
        inactiveUpdates += inactive;
    }

    void addInference() {
        inferences++;
    }

    void addAll(ActivityCounts o) {
        for (int l = 0; l < sizes.length; l++) {
            for (int i = 0; i < sizes[l]; i++) {
                spikesPerNeuron[l][i] += o.spikesPerNeuron[l][i];
            }
            for (int t = 0; t < timeSteps; t++) {
                spikesPerStep[l][t] += o.spikesPerStep[l][t];
            }
        }
        synapticOps += o.synapticOps;
        activeUpdates += o.activeUpdates;
        inactiveUpdates += o.inactiveUpdates;
        inferences += o.inferences;
    }

    /** @return total synaptic operations */
    public long synapticOps() {
        return synapticOps;
    }

    /** @return neuron updates with input or state */
    public long activeNeuronUpdates() {
        return activeUpdates;
    }

    /** @return neuron updates of idle neurons */
    public long inactiveNeuronUpdates() {
        return inactiveUpdates;
    }

    /** @param layer layer (0 = input) @return spikes of that layer */
    public long spikes(int layer) {
        long s = 0;
        for (long c : spikesPerNeuron[layer]) {
            s += c;
        }
        return s;
    }

    /** @return spikes of all layers, input events included */
    public long totalSpikes() {
        long s = 0;
        for (int l = 0; l < sizes.length; l++) {
            s += spikes(l);
        }
        return s;
    }

    /** @param layer layer @param neuron neuron @return spikes of one neuron */
    public long spikes(int layer, int neuron) {
        return spikesPerNeuron[layer][neuron];
    }

    /** @param layer layer @param step time step @return spikes of a layer at one step */
    public long spikesAtStep(int layer, int step) {
        return spikesPerStep[layer][step];
    }

    /** @return layer sizes, input first */
    public int[] sizes() {
        return sizes.clone();
    }

    /** @return time steps per inference */
    public int timeSteps() {
        return timeSteps;
    }

    /** @return number of inferences summed here */
    public int inferences() {
        return inferences;
    }
}
