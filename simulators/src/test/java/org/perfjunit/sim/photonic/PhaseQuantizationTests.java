package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Phase quantization: bits per phase shifter → output fidelity")
class PhaseQuantizationTests {

    private static final CompiledNetwork COMPILED = new PhotonicCompiler(
            TargetConfig.defaults().withMeshSize(16).withParallel(false)).compile(Network.mlp(11, 40, 24, 8));

    @Test
    void everyQuantizedHeaterSitsOnTheDacGrid() {
        CompiledTile tile = COMPILED.layers().get(0).tiles().get(0);
        TileHeaters quantized = TileHeaters.of(tile).quantized(5);
        double step = 2 * Math.PI / 32;

        for (double[] phases : new double[][] {quantized.inputInternal(), quantized.inputExternal(),
                quantized.inputOutputs(), quantized.attenuators(), quantized.outputInternal(),
                quantized.outputExternal()}) {
            for (double phase : phases) {
                assertThat(phase / step).isCloseTo(Math.rint(phase / step), within(1e-9));
            }
        }
        assertThat(quantized.detectorOffsets()).containsExactly(TileHeaters.of(tile).detectorOffsets());
    }

    @Test
    void fidelityRisesWithThePhaseResolutionAndReachesOne() {
        PhaseQuantization quantization = new PhaseQuantization(COMPILED);

        double f3 = quantization.outputFidelity(3, 8, 5);
        double f5 = quantization.outputFidelity(5, 8, 5);
        double f8 = quantization.outputFidelity(8, 8, 5);
        double f16 = quantization.outputFidelity(16, 8, 5);

        assertThat(f3).isLessThan(f5);
        assertThat(f5).isLessThan(f8);
        assertThat(f8).isLessThan(1.0).isGreaterThan(0.99);
        assertThat(f16).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void rejectsAResolutionOutsideOneToTwentyFourBits() {
        PhotonicSimulator exact = PhotonicSimulator.lossless(COMPILED);
        assertThatThrownBy(() -> exact.withPhaseBits(0)).hasMessage("phase bits must be in [1, 24], was 0");
        assertThatThrownBy(() -> exact.withPhaseBits(25)).hasMessage("phase bits must be in [1, 24], was 25");
    }
}
