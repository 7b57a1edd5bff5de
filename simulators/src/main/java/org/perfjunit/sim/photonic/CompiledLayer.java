package org.perfjunit.sim.photonic;

import java.util.List;

/**
 * One compiled linear layer: its tiles, whose outputs are summed per row block.
 *
 * @param source    the linear layer it implements
 * @param reluAfter whether the network applies a ReLU to this layer's output
 * @param tiles     the tiles, row block by row block
 */
public record CompiledLayer(Linear source, boolean reluAfter, List<CompiledTile> tiles) {

    /** Copies the tile list. */
    public CompiledLayer {
        tiles = List.copyOf(tiles);
    }

    /** Input width. */
    public int inputs() {
        return source.inputs();
    }

    /** Output width. */
    public int outputs() {
        return source.outputs();
    }
}
