package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Ternary (1.58-bit) matrix-vector kernels")
class TernaryKernelTests {

    @Test
    void packsTwoBitsPerWeightAndDecodesEveryWeightBack() {
        byte[] weights = randomTernary(new Random(1), 5 * 13);
        TernaryMatrix w = TernaryMatrix.of(weights, 5, 13, 1f);

        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 13; c++) {
                assertThat(w.weight(r, c)).isEqualTo(weights[r * 13 + c]);
            }
        }
        assertThat(w.packedBytes()).isEqualTo(2 * 5 * 2);
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({"1, 1", "3, 7", "8, 8", "17, 65", "64, 300"})
    void optimizedKernelEqualsReferenceKernelExactly(int rows, int cols) {
        Random random = new Random(rows * 1000L + cols);
        TernaryMatrix w = TernaryMatrix.of(randomTernary(random, rows * cols), rows, cols, 0.37f);
        byte[] xq = new byte[cols];
        for (int c = 0; c < cols; c++) {
            xq[c] = (byte) (random.nextInt(255) - 127);
        }
        int[] reference = new int[rows];
        int[] optimized = new int[rows];

        TernaryKernel.REFERENCE.create().multiply(w, xq, reference);
        TernaryKernel.OPTIMIZED.create().multiply(w, xq, optimized);

        assertThat(optimized).containsExactly(reference);
    }

    @Test
    void equalsTheDenseFloatReferenceExactlyOnInt8RepresentableInputs() {
        int rows = 19;
        int cols = 45;
        Random random = new Random(5);
        TernaryMatrix w = TernaryMatrix.of(randomTernary(random, rows * cols), rows, cols, 0.5f);
        float[] x = new float[cols];
        for (int c = 0; c < cols; c++) {
            x[c] = random.nextInt(255) - 127;
        }
        x[3] = -127; // absmax 127: activation quantization is then the identity

        float[] expected = denseMatVec(w.toDense(), x, rows, cols);
        for (TernaryKernel kernel : TernaryKernel.values()) {
            float[] y = new float[rows];
            kernel.create().multiply(w, x, y);
            assertThat(y).as(kernel.name()).containsExactly(expected);
        }
    }

    @Test
    void staysWithinInt8QuantizationErrorOfTheFloatReferenceOnRandomInputs() {
        int rows = 32;
        int cols = 256;
        Random random = new Random(11);
        float[] latent = new float[rows * cols];
        for (int i = 0; i < latent.length; i++) {
            latent[i] = (float) random.nextGaussian();
        }
        TernaryMatrix w = TernaryMatrix.quantize(latent, rows, cols);
        float[] x = new float[cols];
        float absMax = 0;
        for (int c = 0; c < cols; c++) {
            x[c] = (float) random.nextGaussian();
            absMax = Math.max(absMax, Math.abs(x[c]));
        }
        float[] expected = denseMatVec(w.toDense(), x, rows, cols);
        float[] y = new float[rows];
        TernaryKernel.OPTIMIZED.create().multiply(w, x, y);

        // each activation is off by at most half a quantization step, absMax / 254
        double bound = cols * w.scale() * absMax / 254 + 1e-4;
        for (int r = 0; r < rows; r++) {
            assertThat((double) y[r]).isCloseTo(expected[r], within(bound));
        }
    }

    // Short arrays used to escape as ArrayIndexOutOfBoundsException from inside the kernels.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TernaryKernel.class)
    void rejectsArraysShorterThanTheMatrixWithAClearMessage(TernaryKernel kernel) {
        TernaryMatrix w = TernaryMatrix.of(new byte[] {1, 0, -1, 1, 1, 0}, 2, 3, 1f);
        TernaryMatVec matVec = kernel.create();
        assertThatThrownBy(() -> matVec.multiply(w, new byte[2], new int[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2×3 ternary matrix needs an input of at least 3 and an output of at least 2"
                        + " elements, got input 2 and output 2");
        assertThatThrownBy(() -> matVec.multiply(w, new float[3], new float[1]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got input 3 and output 1");
    }

    // One ±Inf (or NaN) activation used to make absmax infinite and every output NaN, silently.
    @ParameterizedTest(name = "{0}")
    @EnumSource(TernaryKernel.class)
    void rejectsANonFiniteActivationInsteadOfReturningNaNEverywhere(TernaryKernel kernel) {
        TernaryMatrix w = TernaryMatrix.of(new byte[] {1, 0, -1, 1, 1, 0}, 2, 3, 1f);
        float[] y = {7f, 7f};
        for (float bad : new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN}) {
            assertThatThrownBy(() -> kernel.create().multiply(w, new float[] {1f, bad, 2f}, y))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("activation x[1] is " + bad);
        }
        assertThat(y).containsExactly(7f, 7f);
    }

    @Test
    void absmeanQuantizationRoundsToTheNearestMultipleOfTheMeanMagnitude() {
        TernaryMatrix w = TernaryMatrix.quantize(new float[] {2f, -2f, 0.2f, 0f, 1.5f, -0.6f}, 2, 3);

        assertThat(w.scale()).isCloseTo(1.05f, within(1e-6f));
        assertThat(new int[] {w.weight(0, 0), w.weight(0, 1), w.weight(0, 2), w.weight(1, 0), w.weight(1, 1),
                w.weight(1, 2)}).containsExactly(1, -1, 0, 0, 1, -1);
    }

    @Test
    void rejectsWeightsThatAreNotTernary() {
        assertThatThrownBy(() -> TernaryMatrix.of(new byte[] {0, 2}, 1, 2, 1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0,1] = 2");
    }

    static byte[] randomTernary(Random random, int size) {
        byte[] weights = new byte[size];
        for (int i = 0; i < size; i++) {
            weights[i] = (byte) (random.nextInt(3) - 1);
        }
        return weights;
    }

    private static float[] denseMatVec(float[] dense, float[] x, int rows, int cols) {
        float[] y = new float[rows];
        for (int r = 0; r < rows; r++) {
            float sum = 0;
            for (int c = 0; c < cols; c++) {
                sum += dense[r * cols + c] * x[c];
            }
            y[r] = sum;
        }
        return y;
    }
}
