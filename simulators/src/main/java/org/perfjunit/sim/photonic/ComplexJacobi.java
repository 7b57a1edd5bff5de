package org.perfjunit.sim.photonic;

import java.util.Arrays;

/**
 * The one-sided Jacobi core of {@link ComplexSvd} for a tall matrix ({@code m ≥ n}) given by its
 * columns; mirrors {@link JacobiSvd} with complex inner products.
 */
final class ComplexJacobi {

    private static final double ORTHOGONALITY = 1e-15;
    private static final int MAX_SWEEPS = 60;

    private final int m;
    private final int n;
    private final double[] sigma;
    // column p of U (length m) and of V (length n), as rows of these arrays
    private final double[][] uRe;
    private final double[][] uIm;
    private final double[][] vRe;
    private final double[][] vIm;

    ComplexJacobi(int m, int n, double[][] gr, double[][] gi) {
        this.m = m;
        this.n = n;
        double[][] ar = copy(gr); // A's columns, kept to recover V = A† U Σ⁻¹
        double[][] ai = copy(gi);
        orthogonaliseColumns(gr, gi);
        Integer[] order = new Integer[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            values[i] = Math.sqrt(squaredNorm(gr[i], gi[i]));
        }
        Arrays.sort(order, (x, y) -> Double.compare(values[y], values[x]));
        sigma = new double[n];
        uRe = new double[m][m];
        uIm = new double[m][m];
        double tolerance = Math.max(values[order[0]], Double.MIN_NORMAL) * m * 1e-15;
        int accepted = 0;
        for (int p = 0; p < n; p++) {
            int i = order[p];
            sigma[p] = values[i];
            if (values[i] > tolerance) {
                for (int r = 0; r < m; r++) {
                    uRe[p][r] = gr[i][r] / values[i];
                    uIm[p][r] = gi[i][r] / values[i];
                }
                orthonormalise(uRe, uIm, p); // guards the mesh against tiny losses of orthogonality
                accepted++;
            }
        }
        completeBasis(uRe, uIm, accepted);
        vRe = new double[n][n];
        vIm = new double[n][n];
        for (int p = 0; p < accepted; p++) {
            // v_p = A† u_p / σ_p: entry c is conj(column c of A) · u_p / σ_p
            for (int c = 0; c < n; c++) {
                double sr = 0;
                double si = 0;
                for (int r = 0; r < m; r++) {
                    sr += ar[c][r] * uRe[p][r] + ai[c][r] * uIm[p][r];
                    si += ar[c][r] * uIm[p][r] - ai[c][r] * uRe[p][r];
                }
                vRe[p][c] = sr / sigma[p];
                vIm[p][c] = si / sigma[p];
            }
            orthonormalise(vRe, vIm, p);
        }
        completeBasis(vRe, vIm, accepted);
    }

    // rotates column pairs until every pair is orthogonal to working precision
    private void orthogonaliseColumns(double[][] gr, double[][] gi) {
        double[] norms = new double[n];
        for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
            for (int i = 0; i < n; i++) {
                norms[i] = squaredNorm(gr[i], gi[i]);
            }
            boolean rotated = false;
            for (int i = 0; i < n - 1; i++) {
                for (int j = i + 1; j < n; j++) {
                    double alpha = norms[i];
                    double beta = norms[j];
                    if (alpha == 0 || beta == 0) {
                        continue;
                    }
                    double gammaRe = 0; // γ = g_i† g_j
                    double gammaIm = 0;
                    double[] xr = gr[i];
                    double[] xi = gi[i];
                    double[] yr = gr[j];
                    double[] yi = gi[j];
                    for (int k = 0; k < m; k++) {
                        gammaRe += xr[k] * yr[k] + xi[k] * yi[k];
                        gammaIm += xr[k] * yi[k] - xi[k] * yr[k];
                    }
                    double gamma = Math.hypot(gammaRe, gammaIm);
                    if (gamma <= ORTHOGONALITY * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = zeta == 0 ? 1 : Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    // e^{−i arg γ} from γ's components, not trigonometry: real input keeps imaginary parts exactly 0
                    double pr = gammaRe / gamma;
                    double pi = -gammaIm / gamma;
                    for (int k = 0; k < m; k++) {
                        double ar = xr[k];
                        double ai = xi[k];
                        double br = pr * yr[k] - pi * yi[k]; // y e^{−i arg γ}: now g_i† y is real, = |γ|
                        double bi = pr * yi[k] + pi * yr[k];
                        xr[k] = c * ar - s * br;
                        xi[k] = c * ai - s * bi;
                        yr[k] = s * ar + c * br;
                        yi[k] = s * ai + c * bi;
                    }
                    norms[i] = alpha - t * gamma;
                    norms[j] = beta + t * gamma;
                }
            }
            if (!rotated) {
                return;
            }
        }
    }

    // rows p ≥ first belong to (numerically) zero singular values: any orthonormal completion is exact.
    // Take the unit vector e_k least covered by the basis so far (its residual² is at least (size−p)/size).
    private static void completeBasis(double[][] re, double[][] im, int first) {
        int size = re.length;
        double[] residual = new double[size];
        Arrays.fill(residual, 1);
        for (int q = 0; q < first; q++) {
            for (int k = 0; k < size; k++) {
                residual[k] -= re[q][k] * re[q][k] + im[q][k] * im[q][k];
            }
        }
        for (int p = first; p < size; p++) {
            int best = 0;
            for (int k = 1; k < size; k++) {
                if (residual[k] > residual[best]) {
                    best = k;
                }
            }
            Arrays.fill(re[p], 0);
            Arrays.fill(im[p], 0);
            re[p][best] = 1;
            orthonormalise(re, im, p);
            for (int k = 0; k < size; k++) {
                residual[k] -= re[p][k] * re[p][k] + im[p][k] * im[p][k];
            }
        }
    }

    // complex Gram-Schmidt of row p against rows 0..p-1 (twice, "twice is enough"), then normalise
    private static void orthonormalise(double[][] re, double[][] im, int p) {
        double[] xr = re[p];
        double[] xi = im[p];
        for (int pass = 0; pass < 2; pass++) {
            for (int q = 0; q < p; q++) {
                double dr = 0; // d = q† x
                double di = 0;
                for (int k = 0; k < xr.length; k++) {
                    dr += re[q][k] * xr[k] + im[q][k] * xi[k];
                    di += re[q][k] * xi[k] - im[q][k] * xr[k];
                }
                for (int k = 0; k < xr.length; k++) {
                    xr[k] -= dr * re[q][k] - di * im[q][k];
                    xi[k] -= dr * im[q][k] + di * re[q][k];
                }
            }
        }
        double norm = Math.sqrt(squaredNorm(xr, xi));
        for (int k = 0; k < xr.length; k++) {
            xr[k] /= norm;
            xi[k] /= norm;
        }
    }

    private static double squaredNorm(double[] re, double[] im) {
        double s = 0;
        for (int k = 0; k < re.length; k++) {
            s += re[k] * re[k] + im[k] * im[k];
        }
        return s;
    }

    private static double[][] copy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }

    /** Singular values, descending. */
    double[] singularValues() {
        return sigma;
    }

    /** {@code U}, {@code m × m}, singular vectors as columns. */
    ComplexMatrix left() {
        return fromColumns(uRe, uIm);
    }

    /** {@code V}, {@code n × n}, singular vectors as columns. */
    ComplexMatrix right() {
        return fromColumns(vRe, vIm);
    }

    private static ComplexMatrix fromColumns(double[][] re, double[][] im) {
        int size = re.length;
        ComplexMatrix out = new ComplexMatrix(size);
        for (int p = 0; p < size; p++) {
            for (int r = 0; r < size; r++) {
                out.re[r * size + p] = re[p][r];
                out.im[r * size + p] = im[p][r];
            }
        }
        return out;
    }
}
