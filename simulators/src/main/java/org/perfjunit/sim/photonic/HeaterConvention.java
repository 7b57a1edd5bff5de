package org.perfjunit.sim.photonic;

/**
 * How the {@code θ, φ} of {@link MziMesh}'s transfer matrix map to the phases that thermo-optic
 * heaters actually hold, and back.
 *
 * <p>A physical MZI is two 50:50 couplers {@code B = (1/√2)[[1, i], [i, 1]]} around an internal
 * heater {@code θ'} on the upper arm, after an external heater {@code φ'} on the upper input:
 * <pre>
 *   M(θ', φ') = B · diag(e^{iθ'}, 1) · B · diag(e^{iφ'}, 1)
 *             = i e^{iθ'/2} · | sin(θ'/2)   cos(θ'/2) | · diag(e^{iφ'}, 1)
 *                              | cos(θ'/2)  −sin(θ'/2) |
 * </pre>
 * Comparing with {@code T(θ, φ)} of {@link MziMesh} ({@code |T₁₁| = cos θ}) gives
 * {@code sin(θ'/2) = cos θ}, so
 * <pre>
 *   T(θ, φ) = e^{iθ} · M(π − 2θ, φ + π).
 * </pre>
 * The internal heater holds {@code π − 2θ}: a bar state ({@code θ = 0}) costs π, a cross state
 * nothing. (Charging {@code 2θ} instead, as this project did before, is the convention of an MZI
 * whose couplers make the unheated state the bar state; ours is not.) The factor {@code e^{iθ}} is a
 * phase on both modes of that MZI only, so it is not global: {@link #toHeaters} pushes it through
 * the later MZIs (where it shifts their external heaters) to the mesh's output column.
 *
 * <p>A Σ attenuator is one more MZI used in its bar port, {@code M₁₁(θ', 0) = i e^{iθ'/2} sin(θ'/2)}:
 * transmission {@code t} needs {@code θ' = 2·asin t} and adds the phase {@code π/2 + θ'/2}.
 */
final class HeaterConvention {

    private static final double TWO_PI = 2 * Math.PI;

    private HeaterConvention() {
    }

    /** Internal heater phase of an MZI with mixing angle {@code θ ∈ [0, π/2]}: {@code π − 2θ}. */
    static double internalPhase(double theta) {
        return wrap(Math.PI - 2 * theta);
    }

    /** Mixing angle of an internal heater phase: the inverse of {@link #internalPhase}. */
    static double theta(double internalPhase) {
        return (Math.PI - internalPhase) / 2;
    }

    /** Internal heater phase of a bar-port attenuator with amplitude transmission {@code t ∈ [0, 1]}. */
    static double attenuatorPhase(double transmission) {
        return 2 * Math.asin(Math.min(1, Math.max(0, transmission)));
    }

    /** Amplitude transmission of a bar-port attenuator whose heater holds {@code phase}. */
    static double attenuatorTransmission(double phase) {
        return Math.sin(phase / 2);
    }

    /** Phase a bar-port attenuator adds to its mode: {@code π/2 + θ'/2}. */
    static double attenuatorDelay(double phase) {
        return Math.PI / 2 + phase / 2;
    }

    /**
     * Heater settings realising {@code mesh} (its output phases excluded) after the per-mode phases
     * {@code pending} on its inputs, so that {@code T_last ⋯ T_first · diag(e^{i·pending₀}) =
     * diag(e^{i·pendingₙ}) · M_last ⋯ M_first}.
     *
     * @param mesh     the mesh in {@link MziMesh}'s convention
     * @param pending  per-mode phase on entry (radians); updated to the phase left on exit, which the
     *                 caller puts into the next element (output heaters or detector references)
     * @param internal receives {@code θ'} per MZI, wrapped to {@code [0, 2π)}
     * @param external receives {@code φ'} per MZI, wrapped to {@code [0, 2π)}
     */
    static void toHeaters(MziMesh mesh, double[] pending, double[] internal, double[] external) {
        for (int k = 0; k < mesh.mziCount(); k++) {
            int m = mesh.mode(k);
            double theta = mesh.theta(k);
            internal[k] = internalPhase(theta);
            // T(θ, φ)·diag(e^{ip_m}, e^{ip_m+1}) = e^{i(θ + p_m+1)}·M(π − 2θ, φ + π + p_m − p_m+1)
            external[k] = wrap(mesh.phi(k) + Math.PI + pending[m] - pending[m + 1]);
            double left = pending[m + 1] + theta;
            pending[m] = left;
            pending[m + 1] = left;
        }
    }

    /**
     * The sum of the heater phases {@link #toHeaters} would produce, without keeping them (the compiler's
     * metrics pass calls this for every tile).
     *
     * @param mesh    the mesh
     * @param pending as for {@link #toHeaters}; updated the same way
     * @return sum of internal and external heater phases, radians
     */
    static double heaterPhaseSum(MziMesh mesh, double[] pending) {
        double sum = 0;
        for (int k = 0; k < mesh.mziCount(); k++) {
            int m = mesh.mode(k);
            double theta = mesh.theta(k);
            sum += internalPhase(theta) + wrap(mesh.phi(k) + Math.PI + pending[m] - pending[m + 1]);
            double left = pending[m + 1] + theta;
            pending[m] = left;
            pending[m + 1] = left;
        }
        return sum;
    }

    /**
     * The mesh in {@link MziMesh}'s convention that heaters {@code internal, external} implement after
     * the per-mode input phases {@code pending}: {@code M_last ⋯ M_first · diag(e^{i·pending₀}) =
     * diag(e^{i·pendingₙ}) · T_last ⋯ T_first}.
     *
     * @param topology the mesh whose MZI modes are used
     * @param internal θ' per MZI
     * @param external φ' per MZI
     * @param pending  per-mode phase on entry; updated to the phase on exit
     * @param outputs  output phases of the returned mesh
     * @return the mesh
     */
    static MziMesh toMesh(MziMesh topology, double[] internal, double[] external, double[] pending,
                          double[] outputs) {
        int count = topology.mziCount();
        double[] theta = new double[count];
        double[] phi = new double[count];
        for (int k = 0; k < count; k++) {
            int m = topology.mode(k);
            theta[k] = theta(internal[k]);
            // M(θ', φ')·diag(e^{iq_m}, e^{iq_m+1}) = e^{i(q_m+1 − θ)}·T(θ, φ' − π + q_m − q_m+1), θ = (π − θ')/2
            phi[k] = external[k] - Math.PI + pending[m] - pending[m + 1];
            double left = pending[m + 1] - theta[k];
            pending[m] = left;
            pending[m + 1] = left;
        }
        return topology.withPhases(theta, phi, outputs);
    }

    /** {@code phase} wrapped to {@code [0, 2π)}: heaters only add phase, so that is the cheapest setting. */
    static double wrap(double phase) {
        double v = phase % TWO_PI;
        return v < 0 ? v + TWO_PI : v;
    }
}
