package org.perfjunit.sim.photonic;

/**
 * Thermo-optic drift of programmed phases. A phase shifter whose two MZI arms differ in
 * effective length by {@code ΔL} picks up {@code Δφ = (2π/λ)·(dn/dT)·ΔL·(T − T₀)} when the chip
 * leaves its calibration temperature {@code T₀}. Arm imbalances are drawn per phase shifter from
 * {@code N(0, σ_L)} with a seed, so drift is random across the mesh but reproducible.
 *
 * @param referenceTemperatureC      calibration temperature T₀, °C
 * @param thermoOpticCoefficientPerK dn/dT, 1/K
 * @param wavelengthM                operating wavelength, m
 * @param armImbalanceStdDevM        σ_L, standard deviation of the effective arm imbalance, m
 */
public record ThermalModel(double referenceTemperatureC, double thermoOpticCoefficientPerK,
                           double wavelengthM, double armImbalanceStdDevM) {

    /**
     * Silicon at 1550 nm: dn/dT = 1.86e-4 /K (Komma et al., Appl. Phys. Lett. 101, 041905 (2012)).
     * Assumptions: calibration at 25 °C and σ_L = 1 µm effective arm imbalance.
     *
     * @return the default model
     */
    public static ThermalModel defaults() {
        return new ThermalModel(25, 1.86e-4, 1.55e-6, 1e-6);
    }

    /** Phase error per kelvin per metre of arm imbalance, {@code 2π/λ · dn/dT}. */
    public double phasePerKelvinPerMetre() {
        return 2 * Math.PI / wavelengthM * thermoOpticCoefficientPerK;
    }

    /**
     * RMS phase error of one phase shifter at a temperature.
     *
     * @param temperatureC chip temperature, °C
     * @return {@code σ_Δφ} in radians
     */
    public double rmsPhaseError(double temperatureC) {
        return phasePerKelvinPerMetre() * armImbalanceStdDevM * Math.abs(temperatureC - referenceTemperatureC);
    }
}
