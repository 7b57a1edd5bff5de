package org.perfjunit.sim.photonic;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The result of {@link PhotonicCompiler#compile(Network)}: compiled layers, the circuit report
 * and the wall-clock time each pass took.
 *
 * @param network   the source network
 * @param target    the target it was compiled for
 * @param layers    compiled linear layers, in order
 * @param report    circuit metrics
 * @param passNanos nanoseconds per pass, in pass order
 */
public record CompiledNetwork(Network network, TargetConfig target, List<CompiledLayer> layers,
                              CircuitReport report, Map<Pass, Long> passNanos) {

    /** Copies the collections. */
    public CompiledNetwork {
        layers = List.copyOf(layers);
        EnumMap<Pass, Long> copy = new EnumMap<>(Pass.class);
        copy.putAll(passNanos);
        passNanos = Collections.unmodifiableMap(copy);
    }

    /** Number of tiles over all layers. */
    public int tileCount() {
        return layers.stream().mapToInt(l -> l.tiles().size()).sum();
    }
}
