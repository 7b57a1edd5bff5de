/**
 * A photonic neural-network compiler and simulator: linear layers are tiled onto
 * Mach-Zehnder interferometer (MZI) meshes through an SVD {@code W = U Σ Vᵀ} (real weights) or
 * {@code W = U Σ V†} (complex weights, {@link org.perfjunit.sim.photonic.ComplexSvd}) and a
 * Clements (or Reck) decomposition of {@code U} and {@code Vᵀ}/{@code V†}; the compiled circuit can be
 * run by {@link org.perfjunit.sim.photonic.PhotonicSimulator} and is summarised by a
 * {@link org.perfjunit.sim.photonic.CircuitReport}.
 *
 * <p>Entry points: {@link org.perfjunit.sim.photonic.Network} (models),
 * {@link org.perfjunit.sim.photonic.PhotonicCompiler} (compilation pipeline of named
 * {@link org.perfjunit.sim.photonic.Pass passes}), {@link org.perfjunit.sim.photonic.TargetConfig}
 * (mesh size, decomposition, device constants). Everything is deterministic given a seed.
 */
package org.perfjunit.sim.photonic;
