package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("SVD of compiler tiles")
class JacobiSvdTests {

    @ParameterizedTest(name = "{0}x{1} block padded to {2}")
    @CsvSource({"2,2,2", "5,5,5", "64,64,64", "10,64,64", "64,16,64", "3,1,4", "0,0,8"})
    void factorsAreOrthogonalAndReconstructTheBlock(int rows, int cols, int size) {
        double[][] block = new double[size][size];
        SplittableRandom random = new SplittableRandom(rows * 100L + cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                block[r][c] = random.nextGaussian();
            }
        }

        JacobiSvd svd = new JacobiSvd(block);

        assertThat(orthogonalityError(svd.u, size)).isLessThanOrEqualTo(1e-13);
        assertThat(orthogonalityError(svd.vt, size)).isLessThanOrEqualTo(1e-13);
        assertThat(reconstructionError(svd, block)).isLessThanOrEqualTo(1e-12);
        for (int i = 1; i < size; i++) {
            assertThat(svd.sigma[i]).isLessThanOrEqualTo(svd.sigma[i - 1]).isGreaterThanOrEqualTo(0);
        }
    }

    @ParameterizedTest(name = "diag({0})")
    @CsvSource({"3;1;2", "5;0;0;4"})
    void singularValuesOfADiagonalMatrixAreItsSortedAbsoluteEntries(String diagonal) {
        String[] parts = diagonal.split(";");
        int n = parts.length;
        double[][] block = new double[n][n];
        for (int i = 0; i < n; i++) {
            block[i][i] = -Double.parseDouble(parts[i]);
        }

        double[] sigma = new JacobiSvd(block).sigma;

        double[] expected = java.util.Arrays.stream(parts).mapToDouble(Double::parseDouble)
                .map(v -> -v).sorted().map(v -> -v).toArray();
        assertThat(sigma).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-15));
    }

    // max |QᵀQ − I| for a row-major orthogonal matrix
    static double orthogonalityError(double[] q, int n) {
        double worst = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int r = 0; r < n; r++) {
                    dot += q[r * n + i] * q[r * n + j];
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
            }
        }
        return worst;
    }

    private static double reconstructionError(JacobiSvd svd, double[][] block) {
        int n = block.length;
        double worst = 0;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double sum = 0;
                for (int p = 0; p < n; p++) {
                    sum += svd.u[r * n + p] * svd.sigma[p] * svd.vt[p * n + c];
                }
                worst = Math.max(worst, Math.abs(sum - block[r][c]));
            }
        }
        return worst;
    }
}
