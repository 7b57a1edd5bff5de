package org.perfjunit.sim.photonic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures of merit of a compiled circuit, computed by the {@link Pass#METRICS} pass from the
 * meshes and the {@link DeviceParameters}. Power and energy are model estimates, not
 * measurements (see {@link DeviceParameters#defaults()} for sources and assumptions).
 *
 * @param tiles                  number of mesh tiles
 * @param mziCount               MZIs over all meshes
 * @param attenuatorCount        attenuators (one column per tile)
 * @param meshDepth              largest depth of a single mesh, in MZI columns
 * @param worstPathMziCount      most MZIs one light path crosses: input mesh + the Σ attenuator column
 *                               (one MZI each, as Lightening-Transformer counts it) + output mesh of a tile
 * @param totalPhaseRad          sum of the phases every heater holds ({@link TileHeaters}), radians
 * @param worstPathLossDb        modulator + MZI loss along the worst path (attenuator column included), dB
 * @param heaterPowerW           thermo-optic heater power, {@code totalPhase/π · P_π}, W
 * @param laserPowerW            electrical laser power so every detector receives its sensitivity, W
 * @param energyPerInferenceJ    energy of one input vector through all layers, J
 * @param energyPerMvmJ          energy per matrix-vector product (per linear layer, averaged), J
 * @param macs                   multiply-accumulates of one inference
 * @param energyPerMacJ          {@code energyPerInference / macs}, J
 */
public record CircuitReport(int tiles, long mziCount, long attenuatorCount, int meshDepth, int worstPathMziCount,
                            double totalPhaseRad, double worstPathLossDb, double heaterPowerW, double laserPowerW,
                            double energyPerInferenceJ, double energyPerMvmJ, long macs, double energyPerMacJ) {

    /**
     * Computes the report of compiled layers.
     *
     * @param layers compiled layers
     * @param device device constants
     * @return the report
     */
    public static CircuitReport of(List<CompiledLayer> layers, DeviceParameters device) {
        int tiles = 0;
        long mzis = 0;
        long attenuators = 0;
        int meshDepth = 0;
        int worstPath = 0;
        double phase = 0;
        double worstLoss = 0;
        double laserOpticalW = 0;
        double dynamicJ = 0;
        double sensitivityW = device.photodetectorSensitivityW();
        double dacPlusModulatorJ = device.dacEnergyPerSampleJ()
                + device.modulatorEnergyPerBitJ() * device.bitsPerSymbol();
        double readoutJ = device.adcEnergyPerSampleJ()
                + (device.photodetectorPowerW() + device.tiaPowerW()) / device.clockHz();
        long macs = 0;
        for (CompiledLayer layer : layers) {
            macs += layer.source().macs();
            for (CompiledTile tile : layer.tiles()) {
                tiles++;
                MziMesh in = tile.inputMesh();
                MziMesh out = tile.outputMesh();
                mzis += in.mziCount() + out.mziCount();
                attenuators += tile.size();
                meshDepth = Math.max(meshDepth, Math.max(in.depth(), out.depth()));
                int path = in.depth() + 1 + out.depth(); // + 1: the Σ attenuator column is an MZI column
                worstPath = Math.max(worstPath, path);
                double lossDb = device.modulatorInsertionLossDb() + path * device.mziInsertionLossDb();
                worstLoss = Math.max(worstLoss, lossDb);
                phase += TileHeaters.totalPhase(tile);
                // each used output detector must see its sensitivity through the tile's worst path
                laserOpticalW += tile.rows() * sensitivityW * Math.pow(10, lossDb / 10);
                dynamicJ += tile.cols() * dacPlusModulatorJ + tile.rows() * readoutJ;
            }
        }
        double heaterW = phase / Math.PI * device.piPhasePowerW();
        double laserW = laserOpticalW / device.laserWallPlugEfficiency();
        double inferenceJ = dynamicJ + (heaterW + laserW) / device.clockHz();
        double perMvm = layers.isEmpty() ? 0 : inferenceJ / layers.size();
        return new CircuitReport(tiles, mzis, attenuators, meshDepth, worstPath, phase, worstLoss, heaterW, laserW,
                inferenceJ, perMvm, macs, macs == 0 ? 0 : inferenceJ / macs);
    }

    /**
     * The figures as named metrics (units in the names), ready to report to a harness, e.g.
     * {@code report.asMetrics().forEach((k, v) -> perf.metric(k, v, LOWER_IS_BETTER))}.
     *
     * @return metric name to value, in a stable order
     */
    public Map<String, Double> asMetrics() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("mzi_count", (double) mziCount);
        m.put("mesh_depth", (double) meshDepth);
        m.put("total_phase_rad", totalPhaseRad);
        m.put("insertion_loss_db", worstPathLossDb);
        m.put("heater_power_w", heaterPowerW);
        m.put("laser_power_w", laserPowerW);
        m.put("energy_per_mvm_pj", energyPerMvmJ * 1e12);
        m.put("energy_per_mac_pj", energyPerMacJ * 1e12);
        return m;
    }
}
