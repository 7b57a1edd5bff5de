package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Photonic simulator, losses and thermal drift")
class PhotonicSimulatorTests {

    private static final CompiledNetwork COMPILED = new PhotonicCompiler(
            TargetConfig.defaults().withMeshSize(16).withParallel(false)).compile(Network.mlp(11, 40, 24, 8));

    @Test
    void insertionLossAttenuatesTheOutputBetweenTheShortestAndLongestPathLoss() {
        CompiledNetwork single = new PhotonicCompiler(TargetConfig.defaults().withMeshSize(4).withParallel(false))
                .compile(Network.mlp(5, 4, 4));
        double[] x = {0.3, -0.7, 0.2, 0.9};

        OpticalField ideal = PhotonicSimulator.lossless(single).propagate(0, x);
        OpticalField lossy = PhotonicSimulator.lossy(single).propagate(0, x);

        double t = single.target().device().mziAmplitudeTransmission();
        // every MZI attenuates both arms equally, so the output is the ideal one times t^(MZIs crossed);
        // in a 4-port Clements mesh each mode crosses between 2 and 4 MZIs per mesh, plus its attenuator MZI
        double ratio = norm(lossy) / norm(ideal);
        assertThat(ratio).isBetween(Math.pow(t, 9), Math.pow(t, 5));
    }

    @Test
    void fidelityIsOneAtTheCalibrationTemperatureAndFallsAsTheChipHeats() {
        ThermalDrift drift = new ThermalDrift(COMPILED);

        double atReference = drift.outputFidelity(25, 8, 3);
        double[] fidelity = new double[4];
        int[] temperatures = {20, 40, 60, 80};
        for (int i = 0; i < temperatures.length; i++) {
            fidelity[i] = drift.outputFidelity(temperatures[i], 8, 3);
        }

        assertThat(atReference).isCloseTo(1.0, within(1e-12));
        assertThat(fidelity[0]).isGreaterThan(fidelity[1]);
        assertThat(fidelity[1]).isGreaterThan(fidelity[2]);
        assertThat(fidelity[2]).isGreaterThan(fidelity[3]);
        assertThat(fidelity[3]).isLessThan(1.0).isGreaterThan(0.0);
    }

    @Test
    void phaseErrorFollowsTheThermoOpticCoefficient() {
        ThermalModel model = ThermalModel.defaults();

        // 2π/1.55 µm · 1.86e-4 /K · 1 µm · 55 K
        assertThat(model.rmsPhaseError(80)).isCloseTo(2 * Math.PI / 1.55e-6 * 1.86e-4 * 1e-6 * 55, within(1e-15));
        assertThat(model.rmsPhaseError(25)).isZero();
    }

    @Test
    void driftIsReproducibleForTheSameSeed() {
        PhotonicSimulator hot = PhotonicSimulator.lossless(COMPILED).atTemperature(70, 99);
        double[] x = PhotonicCompilerTests.randomInput(40, 1);

        assertThat(hot.infer(x)).containsExactly(PhotonicSimulator.lossless(COMPILED).atTemperature(70, 99).infer(x));
        assertThat(hot.temperatureC()).isEqualTo(70);
    }

    @Test
    void theReportDerivesPowerAndEnergyFromTheDeviceConstants() {
        CircuitReport report = COMPILED.report();
        DeviceParameters device = COMPILED.target().device();

        assertThat(report.heaterPowerW()).isCloseTo(report.totalPhaseRad() / Math.PI * 24.77e-3, within(1e-9));
        assertThat(report.energyPerMacJ()).isCloseTo(report.energyPerInferenceJ() / report.macs(), within(1e-24));
        assertThat(report.energyPerInferenceJ())
                .isGreaterThan((report.heaterPowerW() + report.laserPowerW()) / device.clockHz());
        assertThat(report.asMetrics()).containsKeys("mzi_count", "mesh_depth", "total_phase_rad", "insertion_loss_db",
                "heater_power_w", "laser_power_w", "energy_per_mvm_pj", "energy_per_mac_pj");
    }

    private static double norm(OpticalField f) {
        double s = 0;
        for (int i = 0; i < f.size(); i++) {
            s += f.re()[i] * f.re()[i] + f.im()[i] * f.im()[i];
        }
        return Math.sqrt(s);
    }
}
