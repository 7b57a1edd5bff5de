package org.perfjunit.sim.spiking;

/**
 * Estimated energy and latency of one inference on a neuromorphic chip (see {@link EnergyModel}),
 * with the per-inference event counts they come from.
 *
 * @param synapticJoules   energy of synaptic operations
 * @param neuronJoules     energy of neuron updates
 * @param spikeJoules      energy of spike message delivery
 * @param routingJoules    energy of tile and chip hops
 * @param latencySeconds   time of one inference (all time steps)
 * @param synapticOps      synaptic operations
 * @param neuronUpdates    neuron updates (active + inactive)
 * @param spikes           spikes and input events
 * @param messages         spike messages sent between cores
 * @param tileHops         east-west + north-south hops
 * @param chipHops         chip-to-chip hops
 */
public record EnergyReport(double synapticJoules, double neuronJoules, double spikeJoules, double routingJoules,
                           double latencySeconds, double synapticOps, double neuronUpdates, double spikes,
                           double messages, double tileHops, double chipHops) {
    /** @return total energy per inference in joules */
    public double totalJoules() {
        return synapticJoules + neuronJoules + spikeJoules + routingJoules;
    }

    /** @return inferences per second at this latency, one inference at a time */
    public double throughputPerSecond() {
        return 1 / latencySeconds;
    }
}
