package org.perfjunit.sim.photonic;

/**
 * The passes of {@link PhotonicCompiler}, in execution order. {@link #id()} is the stable name
 * to use for per-pass metrics (e.g. {@code perf.phase(pass.id())}).
 */
public enum Pass {
    /** Validate the network and collect its linear layers. */
    PARSE("parse"),
    /** Cut each weight matrix into square tiles of the target mesh size (zero-padded). */
    TILE("tile"),
    /** SVD of every tile: {@code W = U Σ Vᵀ}, or {@code U Σ V†} for complex weights. */
    SVD("svd"),
    /** Decompose {@code U} and {@code Vᵀ} of every tile into MZI meshes. */
    DECOMPOSE("decompose"),
    /** Wrap phases into {@code [0, 2π)}, move the last mesh's output phases into detection. */
    PHASE_OPTIMIZATION("phase_optimization"),
    /** Compute the {@link CircuitReport}. */
    METRICS("metrics");

    private final String id;

    Pass(String id) {
        this.id = id;
    }

    /** Lower-case name, e.g. {@code "phase_optimization"}. */
    public String id() {
        return id;
    }
}
