package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

// Oracles independent of the code under test: the definition (U Σ V† = A, U†U = I), commons-math3's real SVD of
// the 2m×2n embedding [[Re, −Im], [Im, Re]] (whose singular values are A's, each twice), and our real JacobiSvd.
@DisplayName("Complex SVD")
class ComplexSvdTests {

    @ParameterizedTest(name = "{0}×{1}, rank {2}")
    @CsvSource({
        "1,1,1", "2,2,2", "5,5,5", "16,16,16", "64,64,64", // square
        "7,3,3", "64,10,10", "5,1,1",                       // tall
        "3,7,3", "10,64,10", "1,5,1",                       // wide
        "8,8,3", "6,4,2", "4,9,1",                          // rank-deficient
        "1,1,0", "4,4,0", "3,5,0"})                         // zero
    void factorsAreUnitaryAndReconstructTheMatrix(int rows, int cols, int rank) {
        double[][] a = randomOfRank(rows, cols, rank, new SplittableRandom(rows * 1000L + cols * 10L + rank));

        ComplexSvd svd = ComplexSvd.of(rows, cols, a[0], a[1]);

        assertThat(unitarityError(svd.u())).isLessThanOrEqualTo(1e-13);
        assertThat(unitarityError(svd.v())).isLessThanOrEqualTo(1e-13);
        assertThat(svd.u().size()).isEqualTo(rows);
        assertThat(svd.v().size()).isEqualTo(cols);
        assertThat(reconstructionError(svd, a)).isLessThanOrEqualTo(1e-12);
        double[] sigma = svd.singularValues();
        assertThat(sigma).hasSize(Math.min(rows, cols));
        for (int i = 0; i < sigma.length; i++) {
            assertThat(sigma[i]).isGreaterThanOrEqualTo(0);
            if (i > 0) {
                assertThat(sigma[i]).isLessThanOrEqualTo(sigma[i - 1]);
            }
            if (i >= rank) {
                assertThat(sigma[i]).as("σ%d beyond the rank", i).isLessThanOrEqualTo(1e-13);
            }
        }
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"1,1", "3,3", "9,9", "32,32", "7,4", "4,7", "12,5"})
    void singularValuesEqualThoseOfTheRealEmbeddingEachTwice(int rows, int cols) {
        double[][] a = randomOfRank(rows, cols, Math.min(rows, cols), new SplittableRandom(rows * 31L + cols));
        double[][] embedding = new double[2 * rows][2 * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double re = a[0][r * cols + c];
                double im = a[1][r * cols + c];
                embedding[r][c] = re;
                embedding[r][cols + c] = -im;
                embedding[rows + r][c] = im;
                embedding[rows + r][cols + c] = re;
            }
        }

        double[] sigma = ComplexSvd.of(rows, cols, a[0], a[1]).singularValues();
        double[] oracle = new SingularValueDecomposition(new Array2DRowRealMatrix(embedding)).getSingularValues();

        for (int i = 0; i < sigma.length; i++) {
            assertThat(sigma[i]).isCloseTo(oracle[2 * i], within(1e-12 * oracle[0]));
            assertThat(sigma[i]).isCloseTo(oracle[2 * i + 1], within(1e-12 * oracle[0]));
        }
    }

    @ParameterizedTest(name = "{0}×{0}")
    @CsvSource({"2", "5", "64"})
    void realInputGivesRealFactorsAndTheRealSvdsSingularValues(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[][] block = new double[n][n];
        double[] re = new double[n * n];
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                block[r][c] = random.nextGaussian();
                re[r * n + c] = block[r][c];
            }
        }

        ComplexSvd svd = ComplexSvd.of(n, n, re, new double[n * n]);

        assertThat(svd.u().isReal()).isTrue();
        assertThat(svd.v().isReal()).isTrue();
        double[] real = new JacobiSvd(block).sigma;
        assertThat(svd.singularValues()).containsExactly(real, within(1e-13 * real[0]));
    }

    @Test
    void theSingularValuesOfAComplexDiagonalMatrixAreItsSortedModuli() {
        ComplexMatrix d = new ComplexMatrix(3);
        d.set(0, 0, 0, 3);                                          // 3i
        d.set(1, 1, -1, 0);                                         // −1
        d.set(2, 2, 2 * Math.cos(Math.PI / 3), 2 * Math.sin(Math.PI / 3)); // 2 e^{iπ/3}

        assertThat(ComplexSvd.of(d).singularValues()).containsExactly(new double[] {3, 2, 1}, within(1e-15));
    }

    @Test
    void aOneByOneMatrixIsItsModulusBetweenTwoPhases() {
        ComplexSvd svd = ComplexSvd.of(1, 1, new double[] {3}, new double[] {-4});

        assertThat(svd.singularValues()).containsExactly(5.0);
        // u σ conj(v) = 3 − 4i
        double ur = svd.u().re(0, 0);
        double ui = svd.u().im(0, 0);
        double vr = svd.v().re(0, 0);
        double vi = -svd.v().im(0, 0);
        assertThat(5 * (ur * vr - ui * vi)).isCloseTo(3, within(1e-15));
        assertThat(5 * (ur * vi + ui * vr)).isCloseTo(-4, within(1e-15));
    }

    @ParameterizedTest(name = "entries × {0}")
    @CsvSource({"1e-300", "1e-200", "1e200", "1e300"})
    void tinyAndHugeEntriesNeitherUnderflowNorOverflow(double factor) {
        double[][] a = randomOfRank(6, 4, 4, new SplittableRandom(17));
        double[] re = new double[24];
        double[] im = new double[24];
        for (int i = 0; i < 24; i++) {
            re[i] = a[0][i] * factor;
            im[i] = a[1][i] * factor;
        }

        double[] scaled = ComplexSvd.of(6, 4, re, im).singularValues();
        double[] unscaled = ComplexSvd.of(6, 4, a[0], a[1]).singularValues();

        for (int i = 0; i < 4; i++) { // squared entries would be 1e-600 or 1e600 without scaling
            assertThat(scaled[i] / factor).isCloseTo(unscaled[i], within(1e-13 * unscaled[0]));
        }
    }

    @Test
    void nanInfiniteAndEmptyInputIsRejectedNamingTheEntry() {
        double[] re = new double[6];
        double[] im = new double[6];
        re[5] = Double.NaN;
        assertThatThrownBy(() -> ComplexSvd.of(2, 3, re, im))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry (1, 2) of the 2×3 matrix is NaN + 0.0i: the SVD needs finite values");
        re[5] = 0;
        im[1] = Double.NEGATIVE_INFINITY;
        assertThatThrownBy(() -> ComplexSvd.of(2, 3, re, im))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("entry (0, 1) of the 2×3 matrix is 0.0 + -Infinityi: the SVD needs finite values");
        assertThatThrownBy(() -> ComplexSvd.of(0, 3, new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot decompose an empty 0×3 matrix: rows and columns must be at least 1");
        assertThatThrownBy(() -> ComplexSvd.of(2, 3, new double[6], new double[5]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a 2×3 matrix needs 6 real and imaginary parts, got 6 and 5");
    }

    @Test
    void theInputIsNotModified() {
        double[][] a = randomOfRank(4, 3, 3, new SplittableRandom(9));
        double[] re = a[0].clone();
        double[] im = a[1].clone();

        ComplexSvd.of(4, 3, re, im);

        assertThat(re).containsExactly(a[0]);
        assertThat(im).containsExactly(a[1]);
    }

    // {re, im} row-major: complex Gaussian entries at full rank, else the product of rows×rank and rank×cols
    // Gaussian factors scaled by 1/√rank (entries of the same size either way; rank 0: all zero)
    static double[][] randomOfRank(int rows, int cols, int rank, SplittableRandom random) {
        if (rank == Math.min(rows, cols)) {
            return new double[][] {gaussian(rows * cols, random), gaussian(rows * cols, random)};
        }
        double scale = rank == 0 ? 0 : 1 / Math.sqrt(rank);
        double[] lr = gaussian(rows * rank, random);
        double[] li = gaussian(rows * rank, random);
        double[] rr = gaussian(rank * cols, random);
        double[] ri = gaussian(rank * cols, random);
        double[] re = new double[rows * cols];
        double[] im = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                for (int k = 0; k < rank; k++) {
                    double ar = lr[r * rank + k];
                    double ai = li[r * rank + k];
                    double br = rr[k * cols + c];
                    double bi = ri[k * cols + c];
                    re[r * cols + c] += scale * (ar * br - ai * bi);
                    im[r * cols + c] += scale * (ar * bi + ai * br);
                }
            }
        }
        return new double[][] {re, im};
    }

    private static double[] gaussian(int n, SplittableRandom random) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = random.nextGaussian();
        }
        return v;
    }

    // max |Q†Q − I|
    static double unitarityError(ComplexMatrix q) {
        return q.conjugateTranspose().multiply(q).maxAbsDifference(ComplexMatrix.identity(q.size()));
    }

    // max |U Σ V† − A| over every entry
    private static double reconstructionError(ComplexSvd svd, double[][] a) {
        int rows = svd.rows();
        int cols = svd.cols();
        ComplexMatrix u = svd.u();
        ComplexMatrix v = svd.v();
        double[] sigma = svd.singularValues();
        double worst = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double sr = 0;
                double si = 0;
                for (int p = 0; p < sigma.length; p++) { // u_rp σ_p conj(v_cp)
                    double ur = u.re(r, p);
                    double ui = u.im(r, p);
                    double vr = v.re(c, p);
                    double vi = -v.im(c, p);
                    sr += sigma[p] * (ur * vr - ui * vi);
                    si += sigma[p] * (ur * vi + ui * vr);
                }
                worst = Math.max(worst, Math.hypot(sr - a[0][r * cols + c], si - a[1][r * cols + c]));
            }
        }
        return worst;
    }
}
