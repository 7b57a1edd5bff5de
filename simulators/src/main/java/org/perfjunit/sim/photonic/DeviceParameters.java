package org.perfjunit.sim.photonic;

/**
 * Device constants of a silicon-photonic MZI accelerator, used by the {@link CircuitReport}
 * and the {@link PhotonicSimulator}. {@link #defaults()} cites a source for each value;
 * values marked "assumption" are ours.
 *
 * @param mziInsertionLossDb          loss of one MZI, dB
 * @param modulatorInsertionLossDb    loss of the input modulator, dB
 * @param piPhasePowerW               heater power for a π phase shift (thermo-optic P_π), W
 * @param modulatorEnergyPerBitJ      input modulator energy per bit, J
 * @param bitsPerSymbol               precision of inputs and outputs, bits
 * @param dacEnergyPerSampleJ         DAC energy per conversion, J
 * @param adcEnergyPerSampleJ         ADC energy per conversion, J
 * @param photodetectorPowerW         power of one photodetector, W
 * @param tiaPowerW                   power of one transimpedance amplifier, W
 * @param photodetectorSensitivityDbm optical power a detector needs, dBm
 * @param laserWallPlugEfficiency     optical out / electrical in of the laser
 * @param clockHz                     symbol rate of the core (one MVM per cycle), Hz
 * @param thermal                     thermal drift model
 */
public record DeviceParameters(
        double mziInsertionLossDb,
        double modulatorInsertionLossDb,
        double piPhasePowerW,
        double modulatorEnergyPerBitJ,
        int bitsPerSymbol,
        double dacEnergyPerSampleJ,
        double adcEnergyPerSampleJ,
        double photodetectorPowerW,
        double tiaPowerW,
        double photodetectorSensitivityDbm,
        double laserWallPlugEfficiency,
        double clockHz,
        ThermalModel thermal) {

    /**
     * Defaults with sources:
     * <ul>
     *   <li>MZI insertion loss 0.99 dB (two directional couplers + phase shifters), MZI modulator
     *       loss 1.2 dB and 450 fJ/bit, 8-bit precision, photodetector 1.1 mW and −25 dBm
     *       sensitivity, TIA 3 mW, laser wall-plug efficiency 0.2, 5 GHz clock: Lightening-Transformer
     *       device parameters (Zhu et al., HPCA 2024; {@code hardware_simulator/params/device_params}).</li>
     *   <li>DAC 8-bit 50 mW at 14 GS/s (3.57 pJ/sample) and ADC 8-bit SAR 14.8 mW at 10 GS/s
     *       (1.48 pJ/sample): Lightening-Transformer {@code DAC.py}/{@code ADC.py}.</li>
     *   <li>Thermo-optic P_π = 24.77 mW: Harris et al., "Efficient, compact and low loss
     *       thermo-optic phase shifter in silicon", Opt. Express 22, 10487 (2014).</li>
     *   <li>Thermal drift: see {@link ThermalModel#defaults()}.</li>
     * </ul>
     * Modelling choices that are assumptions: all tiles are laid out spatially (no time
     * multiplexing), each heater burns power proportional to the phase it holds ({@link TileHeaters}),
     * each Σ attenuator is one more MZI on the light path (its loss counted), and every
     * detector must receive its sensitivity through the worst path of its tile.
     *
     * @return the default device
     */
    public static DeviceParameters defaults() {
        return new DeviceParameters(0.99, 1.2, 24.77e-3, 450e-15, 8,
                50e-3 / 14e9, 14.8e-3 / 10e9, 1.1e-3, 3e-3, -25, 0.2, 5e9, ThermalModel.defaults());
    }

    /** The same device with lossless MZIs and modulators (an idealised reference). */
    public DeviceParameters lossless() {
        return new DeviceParameters(0, 0, piPhasePowerW, modulatorEnergyPerBitJ, bitsPerSymbol,
                dacEnergyPerSampleJ, adcEnergyPerSampleJ, photodetectorPowerW, tiaPowerW,
                photodetectorSensitivityDbm, laserWallPlugEfficiency, clockHz, thermal);
    }

    /** Amplitude transmission of one MZI, {@code 10^(−dB/20)}. */
    public double mziAmplitudeTransmission() {
        return Math.pow(10, -mziInsertionLossDb / 20);
    }

    /** Detector sensitivity in watts. */
    public double photodetectorSensitivityW() {
        return 1e-3 * Math.pow(10, photodetectorSensitivityDbm / 10);
    }
}
