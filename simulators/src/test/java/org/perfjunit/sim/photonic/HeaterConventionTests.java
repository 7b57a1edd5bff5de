package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the heater phases against physics built independently of the code under test: every MZI and
 * attenuator is assembled here from two 50:50 coupler matrices and two heaters, and the product must
 * equal the transfer matrix the compiler and simulator use, entry for entry (no global phase allowed).
 */
@DisplayName("Heater phases, loss budget and thermal drift of compiled tiles")
class HeaterConventionTests {

    private static final double S = Math.sqrt(0.5);

    @Test
    void theInternalHeaterHoldsPiMinusTwoThetaForTheTransferMatrixTheMeshUses() {
        SplittableRandom random = new SplittableRandom(4);
        for (int trial = 0; trial < 50; trial++) {
            double theta = random.nextDouble(0, Math.PI / 2);
            double phi = random.nextDouble(0, 2 * Math.PI);
            // T(θ, φ) of MziMesh, read off a 2-mode mesh
            ComplexMatrix t = new MziMesh(2, new int[] {0}, new double[] {theta}, new double[] {phi},
                    new double[2]).toMatrix();
            ComplexMatrix physical = coupledMzi(2, 0, Math.PI - 2 * theta, phi + Math.PI);
            // T(θ, φ) = e^{iθ}·M(π − 2θ, φ + π): the same matrix up to a phase common to both modes
            ComplexMatrix scaled = diagonal(new double[] {1, 1}, new double[] {theta, theta}).multiply(physical);
            assertThat(scaled.maxAbsDifference(t)).isLessThan(1e-14);
        }
        assertThat(HeaterConvention.internalPhase(0)).as("bar state").isEqualTo(Math.PI);
        assertThat(HeaterConvention.internalPhase(Math.PI / 2)).as("cross state").isEqualTo(0);
    }

    @ParameterizedTest(name = "{0}-port tiles")
    @ValueSource(ints = {4, 8})
    void theHeatersOfATileRealiseItsTransferMatrixExactly(int ports) {
        CompiledTile tile = compile(ports, Network.mlp(ports, ports, ports)).layers().get(0).tiles().get(0);
        TileHeaters heaters = TileHeaters.of(tile);

        ComplexMatrix compiled = tileMatrix(new TileHeaters.Realised(tile.inputMesh(), tile.attenuations(),
                tile.outputMesh()), tile);
        ComplexMatrix physical = physicalTileMatrix(tile, heaters);

        assertThat(physical.maxAbsDifference(compiled)).isLessThan(1e-12);
        assertThat(heaters.count()).isEqualTo(2 * ports * (ports - 1) + 2 * ports);
    }

    @Test
    void heaterPowerChargesPiMinusTwoThetaPerMziNotTwoTheta() {
        CompiledNetwork compiled = compile(64, Network.small(42));
        double internal = 0;
        double twoTheta = 0;
        double total = 0;
        for (CompiledLayer layer : compiled.layers()) {
            for (CompiledTile tile : layer.tiles()) {
                TileHeaters heaters = TileHeaters.of(tile);
                total += heaters.totalPhase();
                assertThat(TileHeaters.totalPhase(tile)).isCloseTo(heaters.totalPhase(), within(1e-9));
                for (MziMesh mesh : new MziMesh[] {tile.inputMesh(), tile.outputMesh()}) {
                    for (int k = 0; k < mesh.mziCount(); k++) {
                        internal += Math.PI - 2 * mesh.theta(k);
                        twoTheta += 2 * mesh.theta(k);
                    }
                }
                assertThat(DoubleStream.of(heaters.inputInternal()).sum() + DoubleStream.of(heaters.outputInternal()).sum())
                        .isCloseTo(sumOfPiMinusTwoTheta(tile), within(1e-6));
            }
        }
        double pi = compiled.target().device().piPhasePowerW();
        CircuitReport report = compiled.report();
        assertThat(report.heaterPowerW()).isCloseTo(total / Math.PI * pi, within(1e-9));
        System.out.printf("Network.small(42), 64-port tiles: heaters %.0f W (internal π − 2θ: %.0f W; 2θ would be %.0f W)%n",
                report.heaterPowerW(), internal / Math.PI * pi, twoTheta / Math.PI * pi);
        // most MZIs of a 64-port SVD mesh sit near the cross state (θ near π/2), which costs little
        assertThat(internal).isLessThan(twoTheta);
    }

    @Test
    void theLossBudgetCountsTheAttenuatorColumnAsOneMoreMzi() {
        // the 4-port circuit behind the examples' "< 10 dB" targets, recomputed by hand:
        // modulator 1.2 dB + (Clements depth 4 + Σ column 1 + Clements depth 4) × 0.99 dB = 10.11 dB
        CircuitReport report = compile(4, Network.mlp(5, 4, 4)).report();

        assertThat(report.worstPathMziCount()).isEqualTo(4 + 1 + 4);
        assertThat(report.worstPathLossDb()).isCloseTo(1.2 + 9 * 0.99, within(1e-12)).isCloseTo(10.11, within(1e-12));
    }

    @Test
    void undriftedHeatersRealiseTheCompiledTile() {
        CompiledTile tile = compile(8, Network.mlp(9, 8, 8)).layers().get(0).tiles().get(0);

        TileHeaters.Realised realised = TileHeaters.of(tile).drifted(0, new SplittableRandom(1)).realise();

        ComplexMatrix compiled = tileMatrix(new TileHeaters.Realised(tile.inputMesh(), tile.attenuations(),
                tile.outputMesh()), tile);
        assertThat(tileMatrix(realised, tile).maxAbsDifference(compiled)).isLessThan(1e-12);
    }

    @Test
    void driftMovesTheAttenuatorsAndWhatHeatersHoldButNotTheDetectorReferences() {
        CompiledTile tile = compile(8, Network.mlp(9, 8, 8)).layers().get(0).tiles().get(0);
        TileHeaters nominal = TileHeaters.of(tile);

        TileHeaters drifted = nominal.drifted(0.05, new SplittableRandom(2));

        assertThat(drifted.attenuators()).as("Σ attenuator heaters drift").isNotEqualTo(nominal.attenuators());
        assertThat(drifted.inputInternal()).isNotEqualTo(nominal.inputInternal());
        assertThat(drifted.outputExternal()).isNotEqualTo(nominal.outputExternal());
        assertThat(drifted.detectorOffsets()).as("electronic references keep calibration")
                .containsExactly(nominal.detectorOffsets());
        // the drifted circuit is what the coupler-built physics with the drifted heaters gives
        assertThat(tileMatrix(drifted.realise(), tile).maxAbsDifference(physicalTileMatrix(tile, drifted)))
                .isLessThan(1e-12);
        double[] transmission = drifted.realise().attenuation();
        for (int i = 0; i < transmission.length; i++) {
            assertThat(transmission[i]).isEqualTo(Math.sin(drifted.attenuators()[i] / 2));
        }
    }

    // --- independent physics: couplers and heaters, no code under test beyond reading phases ---

    /** B · diag(e^{iθ'}, 1) · B · diag(e^{iφ'}, 1) on modes (m, m+1) of an n-mode identity. */
    private static ComplexMatrix coupledMzi(int n, int m, double internal, double external) {
        ComplexMatrix coupler = ComplexMatrix.identity(n);
        coupler.set(m, m, S, 0);
        coupler.set(m, m + 1, 0, S);
        coupler.set(m + 1, m, 0, S);
        coupler.set(m + 1, m + 1, S, 0);
        return coupler.multiply(phaseOn(n, m, internal)).multiply(coupler).multiply(phaseOn(n, m, external));
    }

    private static ComplexMatrix phaseOn(int n, int m, double phase) {
        ComplexMatrix d = ComplexMatrix.identity(n);
        d.set(m, m, Math.cos(phase), Math.sin(phase));
        return d;
    }

    private static ComplexMatrix physicalMesh(MziMesh topology, double[] internal, double[] external) {
        int n = topology.size();
        ComplexMatrix product = ComplexMatrix.identity(n);
        for (int k = 0; k < topology.mziCount(); k++) {
            product = coupledMzi(n, topology.mode(k), internal[k], external[k]).multiply(product);
        }
        return product;
    }

    /** detectors (calibrated reference + offset) · U mesh · attenuator MZIs (bar port) · output heaters · Vᵀ mesh. */
    private static ComplexMatrix physicalTileMatrix(CompiledTile tile, TileHeaters heaters) {
        int n = tile.size();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        ComplexMatrix v = diagonal(ones, heaters.inputOutputs())
                .multiply(physicalMesh(tile.inputMesh(), heaters.inputInternal(), heaters.inputExternal()));
        ComplexMatrix attenuators = ComplexMatrix.identity(n);
        double[] a = heaters.attenuators();
        for (int i = 0; i < n; i++) {
            ComplexMatrix mzi = coupledMzi(2, 0, a[i], 0);
            attenuators.set(i, i, mzi.re(0, 0), mzi.im(0, 0)); // light stays in its waveguide: bar port
        }
        ComplexMatrix u = physicalMesh(tile.outputMesh(), heaters.outputInternal(), heaters.outputExternal());
        double[] detector = heaters.detectorOffsets();
        for (int i = 0; i < n; i++) {
            detector[i] += tile.detectorPhase(i);
        }
        return diagonal(ones, detector).multiply(u).multiply(attenuators).multiply(v);
    }

    /** What the simulator computes: detector phases · output mesh · attenuation · input mesh. */
    private static ComplexMatrix tileMatrix(TileHeaters.Realised realised, CompiledTile tile) {
        int n = tile.size();
        double[] ones = new double[n];
        java.util.Arrays.fill(ones, 1);
        double[] detector = new double[n];
        for (int i = 0; i < n; i++) {
            detector[i] = tile.detectorPhase(i);
        }
        return diagonal(ones, detector).multiply(realised.outputMesh().toMatrix())
                .multiply(diagonal(realised.attenuation(), new double[n])).multiply(realised.inputMesh().toMatrix());
    }

    private static ComplexMatrix diagonal(double[] magnitude, double[] phase) {
        ComplexMatrix d = new ComplexMatrix(magnitude.length);
        for (int i = 0; i < magnitude.length; i++) {
            d.set(i, i, magnitude[i] * Math.cos(phase[i]), magnitude[i] * Math.sin(phase[i]));
        }
        return d;
    }

    private static double sumOfPiMinusTwoTheta(CompiledTile tile) {
        double s = 0;
        for (MziMesh mesh : new MziMesh[] {tile.inputMesh(), tile.outputMesh()}) {
            for (int k = 0; k < mesh.mziCount(); k++) {
                s += Math.PI - 2 * mesh.theta(k);
            }
        }
        return s;
    }

    private static CompiledNetwork compile(int meshSize, Network network) {
        return new PhotonicCompiler(TargetConfig.defaults().withMeshSize(meshSize).withParallel(false)).compile(network);
    }
}
