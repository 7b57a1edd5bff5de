package org.perfjunit.sim.photonic;

/**
 * Full SVD {@code A = U Σ Vᵀ} of a small square matrix by one-sided (Hestenes) Jacobi rotations.
 *
 * <p>Why our own: commons-math3's {@code SingularValueDecomposition} was measured at about the
 * same cost (≈2 ms CPU per 64×64 tile on the shared 2-core machine), while one-sided Jacobi is
 * accurate to working precision, stores columns as contiguous rows (rotations are streaming
 * loops the JIT vectorises) and lets us complete {@code U} to a full orthonormal basis where
 * singular values are (numerically) zero, as in zero-padded edge tiles.
 */
final class JacobiSvd {

    private static final double ORTHOGONALITY = 1e-15;
    private static final int MAX_SWEEPS = 60;

    /** Left singular vectors, row-major {@code n×n}. */
    final double[] u;
    /** Singular values, descending. */
    final double[] sigma;
    /** Right singular vectors transposed, row-major {@code n×n} (row {@code p} is {@code v_p}). */
    final double[] vt;

    JacobiSvd(double[][] a) {
        int n = a.length;
        // separate row arrays (not one flat array) so the JIT can vectorise rotations without alias doubts
        double[][] g = new double[n][n]; // row i = column i of A, becomes σ_i u_i
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                g[c][r] = a[r][c];
            }
        }
        double[] norms = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int i = 0; i < n; i++) {
                norms[i] = dot(g[i], g[i], n);
            }
            boolean rotated = false;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    double alpha = norms[i];
                    double beta = norms[j];
                    if (alpha == 0 || beta == 0) {
                        continue;
                    }
                    double gamma = dot(g[i], g[j], n);
                    if (Math.abs(gamma) <= ORTHOGONALITY * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(g[i], g[j], n, c, s); // V is not accumulated: recovered below as Aᵀ U Σ⁻¹

                    norms[i] = alpha - t * gamma;
                    norms[j] = beta + t * gamma;
                }
            }
            if (!rotated) {
                break;
            }
        }
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = Math.sqrt(dot(g[i], g[i], n));
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        sigma = new double[n];
        vt = new double[n * n];
        double[] uCols = new double[n * n]; // row p = column p of U
        double tolerance = Math.max(values[order[0]], Double.MIN_NORMAL) * n * 1e-15;
        int accepted = 0;
        for (int p = 0; p < n; p++) {
            int i = order[p];
            sigma[p] = values[i];
            if (values[i] > tolerance) {
                for (int r = 0; r < n; r++) {
                    uCols[p * n + r] = g[i][r] / values[i];
                }
                orthonormalise(uCols, p, n); // guards the mesh against tiny losses of orthogonality
                accepted++;
            }
        }
        completeBasis(uCols, accepted, n);
        // v_p = Aᵀ u_p / σ_p: one matrix product instead of rotating V in every sweep (≈40% of the work);
        // its error, ε‖A‖/σ_p, is scaled back by σ_p in U Σ Vᵀ and Gram-Schmidt restores orthogonality
        for (int r = 0; r < n; r++) {
            double[] row = a[r];
            for (int p = 0; p < accepted; p++) {
                double w = uCols[p * n + r] / sigma[p];
                int base = p * n;
                for (int c = 0; c < n; c++) {
                    vt[base + c] += w * row[c];
                }
            }
        }
        for (int p = 0; p < accepted; p++) {
            orthonormalise(vt, p, n);
        }
        completeBasis(vt, accepted, n);
        u = new double[n * n];
        for (int p = 0; p < n; p++) {
            for (int r = 0; r < n; r++) {
                u[r * n + p] = uCols[p * n + r];
            }
        }
    }

    // columns p ≥ first have (numerically) zero singular values: any orthonormal completion is exact.
    // Take the unit vector e_k least covered by the basis so far (its residual² is at least (n−p)/n).
    private static void completeBasis(double[] cols, int first, int n) {
        double[] residual = new double[n]; // 1 − ‖projection of e_k on rows 0..p-1‖²
        java.util.Arrays.fill(residual, 1);
        for (int q = 0; q < first; q++) {
            for (int k = 0; k < n; k++) {
                residual[k] -= cols[q * n + k] * cols[q * n + k];
            }
        }
        for (int p = first; p < n; p++) {
            int best = 0;
            for (int k = 1; k < n; k++) {
                if (residual[k] > residual[best]) {
                    best = k;
                }
            }
            java.util.Arrays.fill(cols, p * n, p * n + n, 0);
            cols[p * n + best] = 1;
            orthonormalise(cols, p, n);
            for (int k = 0; k < n; k++) {
                residual[k] -= cols[p * n + k] * cols[p * n + k];
            }
        }
    }

    // Gram-Schmidt of row p against rows 0..p-1 (twice), then normalise; returns the norm before normalising
    private static double orthonormalise(double[] cols, int p, int n) {
        for (int pass = 0; pass < 2; pass++) {
            for (int q = 0; q < p; q++) {
                double d = dot(cols, q * n, p * n, n);
                for (int r = 0; r < n; r++) {
                    cols[p * n + r] -= d * cols[q * n + r];
                }
            }
        }
        double norm = Math.sqrt(dot(cols, p * n, p * n, n));
        for (int r = 0; r < n; r++) {
            cols[p * n + r] /= norm;
        }
        return norm;
    }

    private static double dot(double[] m, int a, int b, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += m[a + k] * m[b + k];
        }
        return s;
    }

    private static double dot(double[] x, double[] y, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int k = 0;
        for (; k + 3 < n; k += 4) { // four accumulators shorten the floating-point dependency chain
            s0 += x[k] * y[k];
            s1 += x[k + 1] * y[k + 1];
            s2 += x[k + 2] * y[k + 2];
            s3 += x[k + 3] * y[k + 3];
        }
        for (; k < n; k++) {
            s0 += x[k] * y[k];
        }
        return (s0 + s1) + (s2 + s3);
    }

    private static void rotate(double[] x, double[] y, int n, double c, double s) {
        for (int k = 0; k < n; k++) {
            double a = x[k];
            double b = y[k];
            x[k] = c * a - s * b;
            y[k] = s * a + c * b;
        }
    }
}
