package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

// The oracle is the layer's own complex W·x computed directly (Linear.applyComplex is a plain double loop),
// and the meshes' transfer matrices rebuilt by propagating basis vectors (MziMesh.toMatrix).
@DisplayName("Photonic compiler with complex weights")
class ComplexWeightsCompilerTests {

    private static final TargetConfig SERIAL = TargetConfig.defaults().withParallel(false);

    @ParameterizedTest(name = "{0}")
    @EnumSource(Decomposition.class)
    void aTiledComplexLayerDetectsTheComplexProductWithin1e9WhenLossless(Decomposition layout) {
        Linear layer = Linear.randomComplex(70, 45, new SplittableRandom(3)); // 3×5 tiles of 16, padded edges
        CompiledNetwork compiled = new PhotonicCompiler(SERIAL.withMeshSize(16).withDecomposition(layout))
                .compile(new Network(List.of(layer)));
        double[] x = input(70, 5);

        OpticalField y = PhotonicSimulator.lossless(compiled).propagate(0, x);

        OpticalField expected = layer.applyComplex(x);
        assertThat(compiled.tileCount()).isEqualTo(15);
        assertThat(y.re()).containsExactly(expected.re(), within(1e-9));
        assertThat(y.im()).containsExactly(expected.im(), within(1e-9));
        assertThat(Arrays.stream(expected.im()).map(Math::abs).max().orElse(0))
                .as("the imaginary part is really exercised").isGreaterThan(0.1);
    }

    @Test
    void eachTileIsTwoUnitaryMeshesAndTheSigmaColumnThatReconstructTheComplexBlock() {
        int n = 8;
        Linear layer = Linear.randomComplex(n, n, new SplittableRandom(11));
        CompiledTile tile = new PhotonicCompiler(SERIAL.withMeshSize(n)).compile(new Network(List.of(layer)))
                .layers().get(0).tiles().get(0);

        ComplexMatrix vh = tile.inputMesh().toMatrix();
        ComplexMatrix u = tile.outputMesh().toMatrix();
        ComplexMatrix sigma = new ComplexMatrix(n);
        for (int i = 0; i < n; i++) {
            sigma.set(i, i, tile.gain() * tile.attenuation(i), 0);
        }
        ComplexMatrix detector = new ComplexMatrix(n);
        for (int i = 0; i < n; i++) {
            detector.set(i, i, Math.cos(tile.detectorPhase(i)), Math.sin(tile.detectorPhase(i)));
        }
        ComplexMatrix w = detector.multiply(u).multiply(sigma).multiply(vh);

        assertThat(ComplexSvdTests.unitarityError(vh)).isLessThanOrEqualTo(1e-12);
        assertThat(ComplexSvdTests.unitarityError(u)).isLessThanOrEqualTo(1e-12);
        assertThat(tile.inputMesh().mziCount()).isEqualTo(n * (n - 1) / 2);
        assertThat(tile.outputMesh().mziCount()).isEqualTo(n * (n - 1) / 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                assertThat(w.re(r, c)).isCloseTo(layer.weight(r, c), within(1e-12));
                assertThat(w.im(r, c)).isCloseTo(layer.imaginaryWeight(r, c), within(1e-12));
            }
            assertThat(tile.attenuation(r)).isBetween(0.0, 1.0);
        }
    }

    @Test
    void aComplexLayerUsesGeneralPhasesWhereARealOneUsesOnlyZeroAndPi() {
        Linear complex = Linear.randomComplex(8, 8, new SplittableRandom(2));
        MziMesh mesh = new PhotonicCompiler(SERIAL.withMeshSize(8)).compile(new Network(List.of(complex)))
                .layers().get(0).tiles().get(0).inputMesh();

        boolean general = false;
        for (int k = 0; k < mesh.mziCount(); k++) {
            double phi = mesh.phi(k);
            general |= Math.abs(phi) > 1e-6 && Math.abs(phi - Math.PI) > 1e-6 && Math.abs(phi - 2 * Math.PI) > 1e-6;
        }
        assertThat(general).as("some φ outside {0, π}").isTrue();
    }

    @Test
    void aComplexNetworkInfersTheRealPartThroughItsReluLikeTheElectronicReference() {
        SplittableRandom random = new SplittableRandom(4);
        Network net = new Network(List.of(Linear.randomComplex(20, 12, random), new Relu(12),
                Linear.randomComplex(12, 5, random)));
        CompiledNetwork compiled = new PhotonicCompiler(TargetConfig.defaults().withMeshSize(8)).compile(net);
        double[] x = input(20, 1);

        assertThat(PhotonicSimulator.lossless(compiled).infer(x)).containsExactly(net.forward(x), within(1e-9));
    }

    @Test
    void aComplexLayerWithZeroImaginaryPartsComputesWhatTheRealLayerDoes() {
        Linear real = Linear.random(10, 6, new SplittableRandom(8));
        Linear complex = Linear.complex(10, 6, real.weights(), new double[60]);
        PhotonicCompiler compiler = new PhotonicCompiler(SERIAL.withMeshSize(4));
        double[] x = input(10, 2);

        OpticalField fromReal = PhotonicSimulator.lossless(compiler.compile(new Network(List.of(real)))).propagate(0, x);
        OpticalField fromComplex = PhotonicSimulator.lossless(compiler.compile(new Network(List.of(complex))))
                .propagate(0, x);

        assertThat(fromComplex.re()).containsExactly(fromReal.re(), within(1e-12));
        assertThat(fromComplex.im()).containsExactly(new double[6], within(1e-12));
        assertThat(complex).isNotEqualTo(real);
        assertThat(complex.toString()).isEqualTo("Linear(10, 6, complex)");
    }

    @Test
    void nonFiniteOrMissingImaginaryPartsAreRejectedNamingTheWeight() {
        double[] im = new double[6];
        im[4] = Double.NaN;
        assertThatThrownBy(() -> Linear.complex(3, 2, new double[6], im))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("complex weight (1, 1) of Linear(3, 2) is 0.0 + NaNi: weights must be finite");
        assertThatThrownBy(() -> Linear.complex(3, 2, new double[6], new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Linear(3, 2) needs 6 imaginary parts, got 5");
        assertThatThrownBy(() -> Linear.complex(3, 2, new double[6], null))
                .isInstanceOf(NullPointerException.class).hasMessage("imaginary");
    }

    private static double[] input(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextDouble(-1, 1);
        }
        return x;
    }
}
