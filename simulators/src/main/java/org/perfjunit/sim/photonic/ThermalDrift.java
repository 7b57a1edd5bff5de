package org.perfjunit.sim.photonic;

import java.util.SplittableRandom;

/**
 * Effect of chip temperature on a compiled circuit: the RMS phase error of a phase shifter and
 * the output fidelity of the network, {@code F = ⟨y_ref, y_T⟩² / (‖y_ref‖² ‖y_T‖²)} averaged over
 * seeded random inputs ({@code 1} = same direction as the ideal output; insensitive to overall
 * loss). Reference: the lossless simulator at the calibration temperature.
 *
 * <pre>{@code
 * ThermalDrift drift = new ThermalDrift(compiled);
 * double f60 = drift.outputFidelity(60, 32, 7);
 * }</pre>
 */
public final class ThermalDrift {

    private final CompiledNetwork compiled;
    private final PhotonicSimulator reference;

    /**
     * Prepares the analysis of one compiled network.
     *
     * @param compiled the circuit
     */
    public ThermalDrift(CompiledNetwork compiled) {
        this.compiled = compiled;
        this.reference = PhotonicSimulator.lossless(compiled);
    }

    /**
     * RMS phase error of one phase shifter at a temperature.
     *
     * @param temperatureC chip temperature, °C
     * @return radians
     */
    public double rmsPhaseError(double temperatureC) {
        return compiled.target().device().thermal().rmsPhaseError(temperatureC);
    }

    /**
     * Mean output fidelity of the lossless circuit at a temperature.
     *
     * @param temperatureC chip temperature, °C
     * @param samples      number of random inputs (uniform in [0, 1), like normalised pixels)
     * @param seed         seed of inputs and arm imbalances
     * @return fidelity in [0, 1]
     */
    public double outputFidelity(double temperatureC, int samples, long seed) {
        PhotonicSimulator hot = reference.atTemperature(temperatureC, seed);
        return meanFidelity(reference, hot, compiled.network().inputs(), samples, new SplittableRandom(seed ^ 0x5DEECE66DL));
    }

    /** Mean cos² between two simulators' outputs over {@code samples} inputs uniform in [0, 1). */
    static double meanFidelity(PhotonicSimulator reference, PhotonicSimulator other, int inputs, int samples,
                               SplittableRandom random) {
        double sum = 0;
        for (int s = 0; s < samples; s++) {
            double[] x = new double[inputs];
            for (int i = 0; i < x.length; i++) {
                x[i] = random.nextDouble();
            }
            sum += cosineSquared(reference.infer(x), other.infer(x));
        }
        return sum / samples;
    }

    private static double cosineSquared(double[] a, double[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? (na == nb ? 1 : 0) : dot * dot / (na * nb);
    }
}
