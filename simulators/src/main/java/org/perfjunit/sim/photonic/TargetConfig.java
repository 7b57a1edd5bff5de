package org.perfjunit.sim.photonic;

/**
 * The hardware the compiler targets: the size of one MZI mesh tile, the mesh layout and the
 * device constants, plus whether tiles are compiled on several threads.
 *
 * <pre>{@code
 * TargetConfig target = TargetConfig.defaults().withMeshSize(32).withDecomposition(Decomposition.RECK);
 * }</pre>
 *
 * @param meshSize      ports of one square mesh tile ({@code N}); larger layers are tiled
 * @param decomposition mesh layout
 * @param device        device constants
 * @param parallel      compile independent tiles on the common fork-join pool
 */
public record TargetConfig(int meshSize, Decomposition decomposition, DeviceParameters device, boolean parallel) {

    /** Checks the mesh size. */
    public TargetConfig {
        if (meshSize < 2) {
            throw new IllegalArgumentException("meshSize must be at least 2, was " + meshSize);
        }
        java.util.Objects.requireNonNull(decomposition, "decomposition");
        java.util.Objects.requireNonNull(device, "device");
    }

    /** 64×64 Clements tiles, {@link DeviceParameters#defaults()}, parallel compilation. */
    public static TargetConfig defaults() {
        return new TargetConfig(64, Decomposition.CLEMENTS, DeviceParameters.defaults(), true);
    }

    /** This target with another tile size. */
    public TargetConfig withMeshSize(int size) {
        return new TargetConfig(size, decomposition, device, parallel);
    }

    /** This target with another mesh layout. */
    public TargetConfig withDecomposition(Decomposition layout) {
        return new TargetConfig(meshSize, layout, device, parallel);
    }

    /** This target with other device constants. */
    public TargetConfig withDevice(DeviceParameters parameters) {
        return new TargetConfig(meshSize, decomposition, parameters, parallel);
    }

    /** This target compiling tiles in parallel or on the calling thread only. */
    public TargetConfig withParallel(boolean enabled) {
        return new TargetConfig(meshSize, decomposition, device, enabled);
    }
}
