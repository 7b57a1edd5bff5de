package org.perfjunit.sim.photonic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Clements and Reck mesh decompositions")
class MeshDecompositionTests {

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16, 64})
    void clementsMeshReconstructsAHaarUnitaryWithin1e12(int n) {
        ComplexMatrix u = ComplexMatrix.haarUnitary(n, new SplittableRandom(1000 + n));

        MziMesh mesh = Decomposition.CLEMENTS.decompose(u);

        assertThat(mesh.toMatrix().maxAbsDifference(u)).isLessThanOrEqualTo(1e-12);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16, 64})
    void reckMeshReconstructsAHaarUnitaryWithin1e12(int n) {
        ComplexMatrix u = ComplexMatrix.haarUnitary(n, new SplittableRandom(2000 + n));

        MziMesh mesh = Decomposition.RECK.decompose(u);

        assertThat(mesh.toMatrix().maxAbsDifference(u)).isLessThanOrEqualTo(1e-12);
    }

    // unitaries with exact (and signed) zeros, as a complex SVD's completed bases give: the identity, and a Haar
    // block beside an identity block, top-left and bottom-right. Before φ was taken from the applied phase,
    // atan2(0, −0) = π made these reconstruct with errors of 2
    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16})
    void bothMeshesReconstructUnitariesWithExactZeros(int n) {
        for (int k = 0; k <= n; k++) {
            ComplexMatrix block = ComplexMatrix.haarUnitary(Math.max(k, 1), new SplittableRandom(k));
            ComplexMatrix upper = ComplexMatrix.identity(n);
            ComplexMatrix lower = ComplexMatrix.identity(n);
            for (int r = 0; r < k; r++) {
                for (int c = 0; c < k; c++) {
                    upper.set(r, c, block.re(r, c), block.im(r, c));
                    lower.set(n - k + r, n - k + c, -block.re(r, c), -block.im(r, c));
                }
            }
            for (Decomposition layout : Decomposition.values()) {
                for (ComplexMatrix u : new ComplexMatrix[] {upper, lower}) {
                    assertThat(layout.decompose(u).toMatrix().maxAbsDifference(u))
                            .as("%s, %d×%d block", layout, k, k).isLessThanOrEqualTo(1e-12);
                }
            }
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16, 64})
    void clementsMeshHasNTimesNMinusOneOverTwoMzisAndDepthN(int n) {
        MziMesh mesh = Decomposition.CLEMENTS.decompose(ComplexMatrix.haarUnitary(n, new SplittableRandom(n)));

        assertThat(mesh.mziCount()).isEqualTo(n * (n - 1) / 2);
        // a 2-mode mesh is a single MZI: its second column is empty
        assertThat(mesh.depth()).isEqualTo(n == 2 ? 1 : n);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 4, 5, 8, 16, 64})
    void reckMeshHasNTimesNMinusOneOverTwoMzisAndDepthTwoNMinusThree(int n) {
        MziMesh mesh = Decomposition.RECK.decompose(ComplexMatrix.haarUnitary(n, new SplittableRandom(n)));

        assertThat(mesh.mziCount()).isEqualTo(n * (n - 1) / 2);
        assertThat(mesh.depth()).isEqualTo(2 * n - 3);
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {2, 3, 5, 16, 64})
    void realFastPathMatchesTheOrthogonalMatrixForBothLayouts(int n) {
        ComplexMatrix u = ComplexMatrix.haarUnitary(n, new SplittableRandom(n));
        double[] orthogonal = randomOrthogonal(n, new SplittableRandom(300 + n));

        for (Decomposition layout : Decomposition.values()) {
            MziMesh mesh = layout.decomposeOrthogonal(n, orthogonal);

            assertThat(mesh.toMatrix().maxAbsDifference(ComplexMatrix.ofReal(n, orthogonal)))
                    .as(layout.name()).isLessThanOrEqualTo(1e-12);
            assertThat(mesh.depth()).isEqualTo(layout.decompose(u).depth());
        }
    }

    @ParameterizedTest(name = "N = {0}")
    @ValueSource(ints = {4, 16})
    void theSameUnitaryGivesTheSamePhases(int n) {
        ComplexMatrix u = ComplexMatrix.haarUnitary(n, new SplittableRandom(7));

        MziMesh first = Decomposition.CLEMENTS.decompose(u);
        MziMesh second = Decomposition.CLEMENTS.decompose(u.copy());

        assertThat(second.totalPhase()).isEqualTo(first.totalPhase());
    }

    // Q factor of a Gaussian matrix via the real part trick: a Haar unitary's real part is not orthogonal,
    // so orthonormalise real Gaussian columns with Gram-Schmidt twice
    static double[] randomOrthogonal(int n, SplittableRandom random) {
        double[] q = new double[n * n];
        for (int i = 0; i < q.length; i++) {
            q[i] = random.nextGaussian();
        }
        for (int c = 0; c < n; c++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < c; p++) {
                    double dot = 0;
                    for (int r = 0; r < n; r++) {
                        dot += q[r * n + p] * q[r * n + c];
                    }
                    for (int r = 0; r < n; r++) {
                        q[r * n + c] -= dot * q[r * n + p];
                    }
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++) {
                norm += q[r * n + c] * q[r * n + c];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                q[r * n + c] /= norm;
            }
        }
        return q;
    }
}
