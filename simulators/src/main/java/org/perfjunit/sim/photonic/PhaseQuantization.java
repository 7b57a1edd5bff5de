package org.perfjunit.sim.photonic;

import java.util.SplittableRandom;

/**
 * Output fidelity of a compiled circuit whose phase shifters are set with a finite resolution: every
 * heater phase ({@link TileHeaters}) rounded to {@code 2π / 2^bits}. Fidelity is the mean cos² between
 * the exact and the quantized network outputs over seeded random inputs, as in {@link ThermalDrift}.
 *
 * <pre>{@code
 * double f6 = new PhaseQuantization(compiled).outputFidelity(6, 32, 7);   // 6-bit phase DACs
 * }</pre>
 */
public final class PhaseQuantization {

    private final CompiledNetwork compiled;
    private final PhotonicSimulator exact;

    /**
     * Prepares the analysis of one compiled network.
     *
     * @param compiled the circuit
     */
    public PhaseQuantization(CompiledNetwork compiled) {
        this.compiled = compiled;
        this.exact = PhotonicSimulator.lossless(compiled);
    }

    /**
     * Mean output fidelity with {@code bits}-bit phase shifters.
     *
     * @param bits    phase resolution per shifter, 1 to 24
     * @param samples number of random inputs (uniform in [0, 1))
     * @param seed    seed of the inputs
     * @return fidelity in [0, 1]
     */
    public double outputFidelity(int bits, int samples, long seed) {
        return ThermalDrift.meanFidelity(exact, exact.withPhaseBits(bits), compiled.network().inputs(), samples,
                new SplittableRandom(seed));
    }
}
