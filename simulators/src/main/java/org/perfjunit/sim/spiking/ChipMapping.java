package org.perfjunit.sim.spiking;

/**
 * Result of {@link LoihiCompiler#compile}: where each layer's neurons live, the per-core
 * synapse tables, and the routing cost of one spike from each source core.
 *
 * <p>Routing model: a spike from a core is sent as one message to every core that holds one of
 * its targets (dense layers: every core of the next layer). A message between cores travels
 * {@code |dx|} east-west and {@code |dy|} north-south tile hops (dimension-order routing on the
 * mesh) plus {@code |chip_a - chip_b|} chip-to-chip hops (chips in a row; the in-chip part of an
 * inter-chip route is approximated by the same {@code dx, dy}).
 */
public final class ChipMapping {
    private final ChipConfig config;
    private final int[] sizes;
    private final int[][] coreFirstNeuron;
    private final int[][] coreIds;
    private final int[][][] synapseTables;
    private final long[][] messagesPerSpike;
    private final long[][] ewHopsPerSpike;
    private final long[][] nsHopsPerSpike;
    private final long[][] chipHopsPerSpike;
    private final int coresUsed;
    private final long[] longestRoute;

    ChipMapping(ChipConfig config, int[] sizes, int[][] coreFirstNeuron, int[][] coreIds, int[][][] synapseTables,
                long[][] messages, long[][] ew, long[][] ns, long[][] chipHops, int coresUsed, long[] longestRoute) {
        this.config = config;
        this.sizes = sizes;
        this.coreFirstNeuron = coreFirstNeuron;
        this.coreIds = coreIds;
        this.synapseTables = synapseTables;
        this.messagesPerSpike = messages;
        this.ewHopsPerSpike = ew;
        this.nsHopsPerSpike = ns;
        this.chipHopsPerSpike = chipHops;
        this.coresUsed = coresUsed;
        this.longestRoute = longestRoute;
    }

    /** @return the hardware compiled for */
    public ChipConfig config() {
        return config;
    }

    /** @return cores used by all layers, input layer included */
    public int coresUsed() {
        return coresUsed;
    }

    /** @return chips used */
    public int chipsUsed() {
        return (coresUsed + config.coresPerChip() - 1) / config.coresPerChip();
    }

    /** @return tiles used */
    public int tilesUsed() {
        return (coresUsed + config.coresPerTile() - 1) / config.coresPerTile();
    }

    /** @param layer layer (0 = input) @return cores holding that layer */
    public int coresOfLayer(int layer) {
        return coreIds[layer].length;
    }

    /** @param layer layer @return neurons on that layer's fullest core */
    public int maxNeuronsPerCore(int layer) {
        int max = 0;
        for (int c = 0; c < coreIds[layer].length; c++) {
            max = Math.max(max, coreEnd(layer, c) - coreFirstNeuron[layer][c]);
        }
        return max;
    }

    /** @return synaptic memory used over all cores, in bits */
    public long synapticMemoryBits() {
        long n = 0;
        for (int[][] layer : synapseTables) {
            for (int[] table : layer) {
                n += (long) table.length * config.weightBits();
            }
        }
        return n;
    }

    /** @param layer layer @param core core index within the layer @return its synapse table ({@code fanIn × neurons}) */
    public int[] synapseTable(int layer, int core) {
        return synapseTables[layer][core].clone();
    }

    /**
     * Routing totals for measured activity.
     *
     * <p>Every emitted spike is routed, including those of the last step, whose synaptic
     * operations fall after the simulated window and are not counted as synops.
     *
     * @param counts spikes per neuron from a simulation of the compiled network
     * @return {messages, east-west hops, north-south hops, chip hops}, summed over the counts
     */
    public long[] routing(ActivityCounts counts) {
        long[] totals = new long[4];
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (int c = 0; c < coreIds[l].length; c++) {
                long spikes = 0;
                for (int i = coreFirstNeuron[l][c]; i < coreEnd(l, c); i++) {
                    spikes += counts.spikes(l, i);
                }
                totals[0] += spikes * messagesPerSpike[l][c];
                totals[1] += spikes * ewHopsPerSpike[l][c];
                totals[2] += spikes * nsHopsPerSpike[l][c];
                totals[3] += spikes * chipHopsPerSpike[l][c];
            }
        }
        return totals;
    }

    /** @return largest hop counts {east-west, north-south, chip} of any single route (for latency) */
    public long[] longestRoute() {
        return longestRoute.clone();
    }

    private int coreEnd(int layer, int c) {
        return c + 1 < coreFirstNeuron[layer].length ? coreFirstNeuron[layer][c + 1] : sizes[layer];
    }
}
