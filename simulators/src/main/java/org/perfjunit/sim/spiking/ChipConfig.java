package org.perfjunit.sim.spiking;

/**
 * The neuromorphic hardware a network is compiled for: a 2-D mesh of tiles per chip, cores per
 * tile, neurons (compartments) and synaptic memory per core, and how many chips may be used.
 *
 * <p>{@link #loihi()} gives Loihi 1 (Davies et al., "Loihi: A Neuromorphic Manycore Processor
 * with On-Chip Learning", IEEE Micro 38(1), 2018): 128 cores per chip in tiles of 4 on an 8 × 4
 * tile mesh, 1024 compartments and 128 KiB of synaptic memory per core. Synapse memory is
 * modelled as {@code weightBits} per synapse, ignoring Loihi's per-synapse index/format
 * overhead (an approximation).
 *
 * @param neuronsPerCore            compartments per core
 * @param coresPerTile              cores sharing one router
 * @param tilesPerChip              tiles per chip
 * @param meshWidth                 tiles along x of a chip's mesh (y = tilesPerChip / meshWidth)
 * @param synapticMemoryBitsPerCore synaptic memory of one core in bits
 * @param weightBits                bits per stored synapse
 * @param maxChips                  chips available for partitioning
 */
public record ChipConfig(int neuronsPerCore, int coresPerTile, int tilesPerChip, int meshWidth,
                         long synapticMemoryBitsPerCore, int weightBits, int maxChips) {
    /** Validates the geometry. */
    public ChipConfig {
        if (neuronsPerCore <= 0 || coresPerTile <= 0 || tilesPerChip <= 0 || meshWidth <= 0
                || tilesPerChip % meshWidth != 0 || synapticMemoryBitsPerCore <= 0 || weightBits <= 0 || maxChips <= 0) {
            throw new IllegalArgumentException("invalid chip geometry: " + neuronsPerCore + " neurons/core, "
                    + coresPerTile + " cores/tile, " + tilesPerChip + " tiles/chip (mesh width " + meshWidth + ")");
        }
    }

    /** @return Loihi 1, with up to 64 chips (a Nahuku-class board holds 32; more is hypothetical) */
    public static ChipConfig loihi() {
        return new ChipConfig(1024, 4, 32, 8, 128L * 1024 * 8, 8, 64);
    }

    /** @return cores on one chip */
    public int coresPerChip() {
        return coresPerTile * tilesPerChip;
    }

    /** @param n neurons per core @return a copy with another core size (e.g. to force partitioning) */
    public ChipConfig withNeuronsPerCore(int n) {
        return new ChipConfig(n, coresPerTile, tilesPerChip, meshWidth, synapticMemoryBitsPerCore, weightBits, maxChips);
    }

    /**
     * @param tiles tiles per chip
     * @param width mesh width in tiles
     * @return a copy with a smaller or larger chip (e.g. to force multi-chip partitioning)
     */
    public ChipConfig withTiles(int tiles, int width) {
        return new ChipConfig(neuronsPerCore, coresPerTile, tiles, width, synapticMemoryBitsPerCore, weightBits, maxChips);
    }
}
