package org.perfjunit.sim.spiking;

/**
 * Per-operation energy and time of a neuromorphic chip, turning {@link ActivityCounts} and a
 * {@link ChipMapping} into energy and latency per inference. All figures are model estimates,
 * not measurements of hardware.
 *
 * <p>Energy per inference = synops × {@code synopPj} + active updates × {@code activeUpdatePj}
 * + inactive updates × {@code inactiveUpdatePj} + messages × {@code spikePj}
 * + east-west hops × {@code ewHopPj} + north-south hops × {@code nsHopPj} + chip hops × {@code chipHopPj}.
 *
 * <p>Latency per inference = Σ over time steps of: the slowest core of any layer (its synops at
 * {@code synopNs} each plus all its neurons at {@code activeUpdateNs}, an upper bound), plus the
 * longest route ({@code ewHopNs}, {@code nsHopNs}, {@code chipHopNs} per hop, {@code spikeNs} per
 * delivery), plus the mesh barrier, interpolated linearly in the tiles used between
 * {@code barrierMinNs} (1 tile) and {@code barrierMaxNs} (32 tiles). Batch counts are averaged
 * per inference before the per-step maximum is taken.
 *
 * @param synopPj          energy per synaptic operation
 * @param activeUpdatePj   energy per active neuron update
 * @param inactiveUpdatePj energy per inactive neuron update
 * @param spikePj          energy per spike message delivered within a tile
 * @param ewHopPj          energy per east-west tile hop
 * @param nsHopPj          energy per north-south tile hop
 * @param chipHopPj        energy per chip-to-chip hop
 * @param synopNs          time per synaptic operation
 * @param activeUpdateNs   time per active neuron update
 * @param spikeNs          latency of a spike within a tile
 * @param ewHopNs          latency per east-west hop
 * @param nsHopNs          latency per north-south hop
 * @param chipHopNs        latency per chip-to-chip hop
 * @param barrierMinNs     barrier synchronisation time with 1 tile
 * @param barrierMaxNs     barrier synchronisation time with 32 tiles
 */
public record EnergyModel(double synopPj, double activeUpdatePj, double inactiveUpdatePj, double spikePj,
                          double ewHopPj, double nsHopPj, double chipHopPj,
                          double synopNs, double activeUpdateNs, double spikeNs, double ewHopNs, double nsHopNs,
                          double chipHopNs, double barrierMinNs, double barrierMaxNs) {

    /**
     * Loihi 1 figures from Davies et al., IEEE Micro 38(1):82-99, 2018, Table 2: 23.6 pJ / 3.5 ns
     * per synaptic spike op (min energy, max time), 81 / 52 pJ and 8.4 / 5.3 ns per active / inactive
     * neuron update, 1.7 pJ and 2.1 ns within-tile spike, 3.0 / 4.0 pJ and 4.1 / 6.5 ns per
     * east-west / north-south tile hop, 113-465 ns mesh-wide barrier (1-32 tiles).
     * ASSUMPTION (not in the paper): a chip-to-chip hop costs 10× a north-south hop (40 pJ, 65 ns).
     *
     * @return the Loihi model
     */
    public static EnergyModel davies2018() {
        return new EnergyModel(23.6, 81, 52, 1.7, 3.0, 4.0, 40.0,
                3.5, 8.4, 2.1, 4.1, 6.5, 65.0, 113, 465);
    }

    /**
     * @param counts  activity of one or more inferences of the mapped network
     * @param mapping where the network runs
     * @return energy and latency per inference
     */
    public EnergyReport estimate(ActivityCounts counts, ChipMapping mapping) {
        double n = Math.max(1, counts.inferences());
        long[] r = mapping.routing(counts);
        double synopJ = counts.synapticOps() * synopPj * 1e-12 / n;
        double neuronJ = (counts.activeNeuronUpdates() * activeUpdatePj + counts.inactiveNeuronUpdates() * inactiveUpdatePj) * 1e-12 / n;
        double spikeJ = r[0] * spikePj * 1e-12 / n;
        double routeJ = (r[1] * ewHopPj + r[2] * nsHopPj + r[3] * chipHopPj) * 1e-12 / n;
        return new EnergyReport(synopJ, neuronJ, spikeJ, routeJ, latencySeconds(counts, mapping, n),
                counts.synapticOps() / n, (counts.activeNeuronUpdates() + counts.inactiveNeuronUpdates()) / n,
                counts.totalSpikes() / n, r[0] / n, (r[1] + r[2]) / n, r[3] / n);
    }

    private double latencySeconds(ActivityCounts counts, ChipMapping mapping, double n) {
        int[] sizes = counts.sizes();
        long[] route = mapping.longestRoute();
        double routeNs = spikeNs + route[0] * ewHopNs + route[1] * nsHopNs + route[2] * chipHopNs;
        int tilesPerChipUsed = Math.min(mapping.tilesUsed(), 32);
        double barrierNs = barrierMinNs + (barrierMaxNs - barrierMinNs) * (tilesPerChipUsed - 1) / 31.0;
        double totalNs = 0;
        for (int t = 0; t < counts.timeSteps(); t++) {
            double slowest = 0;
            for (int l = 1; l < sizes.length; l++) {
                double inSpikes = t == 0 ? 0 : counts.spikesAtStep(l - 1, t - 1) / n;
                int neurons = mapping.maxNeuronsPerCore(l);
                slowest = Math.max(slowest, inSpikes * neurons * synopNs + neurons * activeUpdateNs);
            }
            totalNs += slowest + routeNs + barrierNs;
        }
        return totalNs * 1e-9;
    }

    /**
     * Energy of the equivalent ANN on a MAC accelerator, Horowitz, "Computing's energy problem",
     * ISSCC 2014 (45 nm): 32-bit float multiply 3.7 pJ + add 0.9 pJ = 4.6 pJ per MAC.
     *
     * @param macs multiply-accumulates per inference (e.g. {@link Mlp#macsPerInference()})
     * @return joules per inference
     */
    public static double macAcceleratorJoules(long macs) {
        return macs * 4.6e-12;
    }

    /**
     * Energy of the same spike-driven accumulates on a conventional accelerator, Horowitz 2014:
     * 0.9 pJ per 32-bit float add (AC).
     *
     * @param accumulates accumulate operations (e.g. synaptic ops)
     * @return joules
     */
    public static double accumulateJoules(double accumulates) {
        return accumulates * 0.9e-12;
    }
}
