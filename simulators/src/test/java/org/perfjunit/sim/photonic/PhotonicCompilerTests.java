package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Photonic compiler")
class PhotonicCompilerTests {

    private static final TargetConfig SERIAL = TargetConfig.defaults().withParallel(false);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Decomposition.class)
    void aTiledLayerOutputMatchesWTimesXWithin1e9WhenLossless(Decomposition layout) {
        Network net = Network.mlp(3, 70, 45); // 45×70 on 16-port tiles: 3×5 tiles, padded edges
        CompiledNetwork compiled = new PhotonicCompiler(SERIAL.withMeshSize(16).withDecomposition(layout)).compile(net);
        double[] x = randomInput(70, 5);

        OpticalField y = PhotonicSimulator.lossless(compiled).propagate(0, x);

        double[] expected = net.linearLayers().get(0).apply(x);
        assertThat(compiled.tileCount()).isEqualTo(15);
        for (int i = 0; i < expected.length; i++) {
            assertThat(y.re()[i]).isCloseTo(expected[i], within(1e-9));
            assertThat(y.im()[i]).isCloseTo(0.0, within(1e-9));
        }
    }

    @Test
    void theCompiledSmallModelComputesTheNetworkWithin1e9WhenLossless() {
        Network small = Network.small(42);
        CompiledNetwork compiled = new PhotonicCompiler(TargetConfig.defaults()).compile(small);
        PhotonicSimulator simulator = PhotonicSimulator.lossless(compiled);

        for (int s = 0; s < 3; s++) {
            double[] x = randomInput(784, s);
            assertThat(simulator.infer(x)).containsExactly(small.forward(x), within(1e-9));
        }
    }

    @Test
    void theSmallModelNeedsTwentyEightTilesOfTwoClementsMeshes() {
        CircuitReport report = new PhotonicCompiler(SERIAL).compile(Network.small(1)).report();

        // 128×784 → 2×13 tiles of 64, 10×128 → 1×2 tiles; each tile = two 64-mode meshes of 64·63/2 MZIs
        assertThat(report.tiles()).isEqualTo(28);
        assertThat(report.mziCount()).isEqualTo(28L * 2 * 2016);
        assertThat(report.attenuatorCount()).isEqualTo(28L * 64);
        assertThat(report.meshDepth()).isEqualTo(64);
        // input mesh 64 + Σ attenuator column 1 + output mesh 64
        assertThat(report.worstPathMziCount()).isEqualTo(129);
        assertThat(report.worstPathLossDb()).isCloseTo(1.2 + 129 * 0.99, within(1e-9));
        assertThat(report.macs()).isEqualTo(784 * 128 + 128 * 10);
    }

    @Test
    void reckMeshesAreDeeperThanClementsMeshes() {
        CircuitReport reck = new PhotonicCompiler(SERIAL.withMeshSize(8).withDecomposition(Decomposition.RECK))
                .compile(Network.mlp(1, 8, 8)).report();

        assertThat(reck.meshDepth()).isEqualTo(2 * 8 - 3);
        assertThat(reck.mziCount()).isEqualTo(2 * 28);
    }

    @Test
    void passesRunInOrderAndAreEachTimed() {
        List<String> events = new ArrayList<>();
        PassListener listener = new PassListener() {
            @Override
            public void passStarted(Pass pass) {
                events.add("start " + pass.id());
            }

            @Override
            public void passFinished(Pass pass, long nanos) {
                events.add("end " + pass.id());
            }
        };

        CompiledNetwork compiled = new PhotonicCompiler(SERIAL.withMeshSize(8), listener).compile(Network.mlp(1, 12, 6, 3));

        assertThat(events).containsExactly("start parse", "end parse", "start tile", "end tile", "start svd", "end svd",
                "start decompose", "end decompose", "start phase_optimization", "end phase_optimization",
                "start metrics", "end metrics");
        assertThat(compiled.passNanos()).containsOnlyKeys(Pass.values());
        assertThat(compiled.passNanos().values()).allSatisfy(n -> assertThat(n).isNotNegative());
    }

    @Test
    void compilationIsDeterministicAndParallelMatchesSerial() {
        Network net = Network.mlp(9, 100, 40, 10);
        TargetConfig target = TargetConfig.defaults().withMeshSize(32);

        CircuitReport serial = new PhotonicCompiler(target.withParallel(false)).compile(net).report();
        CircuitReport parallel = new PhotonicCompiler(target.withParallel(true)).compile(net).report();

        assertThat(parallel).isEqualTo(serial);
        assertThat(new PhotonicCompiler(target).compile(Network.mlp(9, 100, 40, 10)).report()).isEqualTo(serial);
    }

    @Test
    void phasesAreWrappedIntoOneTurnAndTheLastMeshOutputPhasesMoveToDetection() {
        CompiledNetwork compiled = new PhotonicCompiler(SERIAL.withMeshSize(8)).compile(Network.mlp(2, 8, 8));
        CompiledTile tile = compiled.layers().get(0).tiles().get(0);

        for (MziMesh mesh : List.of(tile.inputMesh(), tile.outputMesh())) {
            for (int k = 0; k < mesh.mziCount(); k++) {
                assertThat(mesh.phi(k)).isBetween(0.0, 2 * Math.PI);
                assertThat(mesh.theta(k)).isBetween(0.0, Math.PI / 2);
            }
        }
        for (int j = 0; j < 8; j++) {
            assertThat(tile.outputMesh().outputPhase(j)).isZero();
        }
    }

    @Test
    void aReluThatFollowsNoLinearLayerIsRejected() {
        Network net = new Network(List.of(new Relu(4), Linear.random(4, 2, new SplittableRandom(1))));

        assertThatThrownBy(() -> new PhotonicCompiler(SERIAL).compile(net))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must follow a Linear layer");
    }

    @Test
    void networkBuildersHaveTheReferenceShapes() {
        assertThat(Network.small(1).linearLayers()).extracting(Linear::toString)
                .containsExactly("Linear(784, 128)", "Linear(128, 10)");
        assertThat(Network.large(1).linearLayers()).extracting(Linear::toString)
                .containsExactly("Linear(2048, 1024)", "Linear(1024, 512)", "Linear(512, 10)");
        assertThat(Network.deep(50, 32, 1).linearLayers()).hasSize(50);
        assertThat(Network.small(7)).isEqualTo(Network.small(7)).isNotEqualTo(Network.small(8));
    }

    static double[] randomInput(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble() * 2 - 1;
        }
        return x;
    }
}
