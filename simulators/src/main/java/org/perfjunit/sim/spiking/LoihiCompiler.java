package org.perfjunit.sim.spiking;

/**
 * The "compile" step: maps a {@link SpikingMlp} onto a {@link ChipConfig}.
 *
 * <ol>
 *   <li><b>partition</b>: each layer is split into cores; a core holds at most
 *       {@code neuronsPerCore} neurons and at most {@code synapticMemoryBits / (fanIn × weightBits)}
 *       of them (its synapse table must fit); neurons are spread evenly over the layer's cores;</li>
 *   <li><b>place</b>: cores are numbered layer by layer and filled tile by tile, chip by chip;</li>
 *   <li><b>synapse tables</b>: every core gets its own copy of its neurons' fixed-point weights,
 *       as the chip's synaptic memory would;</li>
 *   <li><b>route</b>: for every source core, messages and hops per spike to its destination cores.</li>
 * </ol>
 * Work grows with the number of synapses, so compile time and memory are meaningful measurements.
 * Stateless and thread-safe.
 */
public final class LoihiCompiler {
    /** Creates a compiler. */
    public LoihiCompiler() {
        // stateless
    }

    /**
     * @param net    network to map
     * @param config target hardware
     * @return the mapping
     * @throws IllegalArgumentException if a single neuron's synapses do not fit a core, or the network needs more than {@code maxChips}
     */
    public ChipMapping compile(SpikingMlp net, ChipConfig config) {
        int[] sizes = net.sizes();
        int layers = sizes.length;
        int[][] first = new int[layers][];
        int[][] ids = new int[layers][];
        int next = 0;
        for (int l = 0; l < layers; l++) {
            long fanIn = l == 0 ? 0 : sizes[l - 1];
            long bySynapses = fanIn == 0 ? Long.MAX_VALUE : config.synapticMemoryBitsPerCore() / (fanIn * config.weightBits());
            int perCore = (int) Math.min(config.neuronsPerCore(), bySynapses);
            if (perCore == 0) {
                throw new IllegalArgumentException("Layer " + l + " fan-in [" + fanIn + "] needs more synaptic memory per neuron than a core has ["
                        + config.synapticMemoryBitsPerCore() + " bits]");
            }
            int cores = (sizes[l] + perCore - 1) / perCore;
            first[l] = new int[cores];
            ids[l] = new int[cores];
            for (int c = 0; c < cores; c++) {
                first[l][c] = (int) ((long) sizes[l] * c / cores); // even spread
                ids[l][c] = next++;
            }
        }
        if (next > (long) config.coresPerChip() * config.maxChips()) {
            throw new IllegalArgumentException("Network needs [" + next + "] cores but [" + config.maxChips() + "] chips hold only ["
                    + (long) config.coresPerChip() * config.maxChips() + "]");
        }
        int[][][] tables = synapseTables(net, sizes, first);
        Router router = new Router(config);
        long[][] messages = new long[layers][];
        long[][] ew = new long[layers][];
        long[][] ns = new long[layers][];
        long[][] chip = new long[layers][];
        long[] worst = new long[3];
        for (int l = 0; l + 1 < layers; l++) {
            int cores = ids[l].length;
            messages[l] = new long[cores];
            ew[l] = new long[cores];
            ns[l] = new long[cores];
            chip[l] = new long[cores];
            for (int c = 0; c < cores; c++) {
                for (int dst : ids[l + 1]) {
                    long[] h = router.hops(ids[l][c], dst);
                    messages[l][c]++;
                    ew[l][c] += h[0];
                    ns[l][c] += h[1];
                    chip[l][c] += h[2];
                    for (int k = 0; k < 3; k++) {
                        worst[k] = Math.max(worst[k], h[k]);
                    }
                }
            }
        }
        return new ChipMapping(config, sizes, first, ids, tables, messages, ew, ns, chip, next, worst);
    }

    private static int[][][] synapseTables(SpikingMlp net, int[] sizes, int[][] first) {
        int[][][] tables = new int[sizes.length][][];
        tables[0] = new int[first[0].length][0];
        for (int l = 1; l < sizes.length; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            int[] w = net.fixedWeights(l - 1);
            tables[l] = new int[first[l].length][];
            for (int c = 0; c < first[l].length; c++) {
                int from = first[l][c];
                int to = c + 1 < first[l].length ? first[l][c + 1] : out;
                int[] table = new int[in * (to - from)];
                for (int i = 0; i < in; i++) {
                    System.arraycopy(w, i * out + from, table, i * (to - from), to - from);
                }
                tables[l][c] = table;
            }
        }
        return tables;
    }

    /** Core coordinates and hop counts between two global core ids. */
    static final class Router {
        private final ChipConfig config;

        Router(ChipConfig config) {
            this.config = config;
        }

        long[] hops(int a, int b) {
            int chipA = a / config.coresPerChip();
            int chipB = b / config.coresPerChip();
            int tileA = (a % config.coresPerChip()) / config.coresPerTile();
            int tileB = (b % config.coresPerChip()) / config.coresPerTile();
            int w = config.meshWidth();
            return new long[] {Math.abs(tileA % w - tileB % w), Math.abs(tileA / w - tileB / w), Math.abs(chipA - chipB)};
        }
    }
}
