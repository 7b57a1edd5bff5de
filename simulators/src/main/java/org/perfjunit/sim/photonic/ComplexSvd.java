package org.perfjunit.sim.photonic;

/**
 * Full singular value decomposition {@code A = U Σ V†} of a complex {@code m × n} matrix: {@code U}
 * ({@code m × m}) and {@code V} ({@code n × n}) unitary, {@code Σ} real, non-negative and descending
 * ({@code min(m, n)} values). This is what lets the {@link PhotonicCompiler} take complex weights
 * ({@link Linear#complex}): {@code V†} and {@code U} become two unitary MZI meshes through
 * {@link Decomposition#decompose(ComplexMatrix)} and {@code Σ} the attenuator column, as for real
 * weights.
 *
 * <p>Algorithm: one-sided (Hestenes) Jacobi on the columns of {@code A} (of {@code A†} when
 * {@code m < n}), each rotation a real Jacobi rotation after the phase {@code e^{−i arg γ}} of the
 * columns' inner product {@code γ} is moved onto the second column; {@code V} is recovered as
 * {@code A† U Σ⁻¹} and both factors are completed to full unitary bases where singular values are
 * (numerically) zero (rank-deficient, zero-padded or all-zero matrices). The matrix is first scaled
 * by a power of two (exact) so that entries near {@code 1e±300} neither underflow nor overflow in the
 * squared norms. Real input gives factors with imaginary parts exactly zero. Accurate to working precision: on random matrices up to
 * 64 × 64, {@code max|UΣV† − A|} ≤ 1e-12 and {@code max|U†U − I|} ≤ 1e-13 (see
 * {@code ComplexSvdTests}).
 *
 * <pre>{@code
 * ComplexSvd svd = ComplexSvd.of(3, 2, re, im);   // row-major, 3 rows, 2 columns
 * ComplexMatrix u = svd.u();                       // 3 × 3 unitary
 * double[] sigma = svd.singularValues();           // 2 values, descending
 * ComplexMatrix vh = svd.vConjugateTranspose();    // 2 × 2 unitary V†
 * }</pre>
 */
public final class ComplexSvd {

    private final int rows;
    private final int cols;
    private final ComplexMatrix u;
    private final double[] sigma;
    private final ComplexMatrix v;

    private ComplexSvd(int rows, int cols, ComplexMatrix u, double[] sigma, ComplexMatrix v) {
        this.rows = rows;
        this.cols = cols;
        this.u = u;
        this.sigma = sigma;
        this.v = v;
    }

    /**
     * Decomposes a square complex matrix (not modified).
     *
     * @param a the matrix
     * @return its SVD
     * @throws IllegalArgumentException if an entry is NaN or infinite
     */
    public static ComplexSvd of(ComplexMatrix a) {
        return of(a.size(), a.size(), a.re, a.im);
    }

    /**
     * Decomposes a complex {@code rows × cols} matrix given as row-major real and imaginary parts
     * (not modified).
     *
     * @param rows      number of rows {@code m}, at least 1
     * @param cols      number of columns {@code n}, at least 1
     * @param real      {@code m·n} real parts, {@code A[r][c] = real[r * cols + c]}
     * @param imaginary {@code m·n} imaginary parts, same layout
     * @return its SVD
     * @throws IllegalArgumentException if the matrix is empty, an array has the wrong length, or an
     *                                  entry is NaN or infinite (the message names the entry)
     */
    public static ComplexSvd of(int rows, int cols, double[] real, double[] imaginary) {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("cannot decompose an empty " + rows + "×" + cols
                    + " matrix: rows and columns must be at least 1");
        }
        long entries = (long) rows * cols;
        if (real.length != entries || imaginary.length != entries) {
            throw new IllegalArgumentException("a " + rows + "×" + cols + " matrix needs " + entries
                    + " real and imaginary parts, got " + real.length + " and " + imaginary.length);
        }
        double largest = 0;
        for (int i = 0; i < real.length; i++) {
            if (!Double.isFinite(real[i]) || !Double.isFinite(imaginary[i])) {
                throw new IllegalArgumentException("entry (" + i / cols + ", " + i % cols + ") of the " + rows
                        + "×" + cols + " matrix is " + real[i] + " + " + imaginary[i]
                        + "i: the SVD needs finite values");
            }
            largest = Math.max(largest, Math.max(Math.abs(real[i]), Math.abs(imaginary[i])));
        }
        // squared norms of entries near 1e±200 would under- or overflow: work on A·2^−e, exactly, and scale σ back
        int exponent = largest == 0 ? 0 : Math.getExponent(largest);
        double scale = Math.scalb(1.0, -exponent);
        boolean tall = rows >= cols;
        // for a wide A: A = (A†)† = (U' Σ V'†)† = V' Σ U'†, so decompose the tall A† and swap the factors
        double[][][] columns = columnsOf(rows, cols, real, imaginary, !tall, scale);
        ComplexJacobi jacobi = tall ? new ComplexJacobi(rows, cols, columns[0], columns[1])
                : new ComplexJacobi(cols, rows, columns[0], columns[1]);
        double[] sigma = jacobi.singularValues().clone();
        for (int p = 0; p < sigma.length; p++) {
            sigma[p] = Math.scalb(sigma[p], exponent);
        }
        return tall ? new ComplexSvd(rows, cols, jacobi.left(), sigma, jacobi.right())
                : new ComplexSvd(rows, cols, jacobi.right(), sigma, jacobi.left());
    }

    // the columns of A·scale (or of A†·scale when adjoint), each as one contiguous array of re and of im
    private static double[][][] columnsOf(int rows, int cols, double[] re, double[] im, boolean adjoint,
                                          double scale) {
        int count = adjoint ? rows : cols;
        int length = adjoint ? cols : rows;
        double[][] gr = new double[count][length];
        double[][] gi = new double[count][length];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (adjoint) { // column r of A† is the conjugate of row r of A
                    gr[r][c] = re[r * cols + c] * scale;
                    gi[r][c] = -im[r * cols + c] * scale;
                } else {
                    gr[c][r] = re[r * cols + c] * scale;
                    gi[c][r] = im[r * cols + c] * scale;
                }
            }
        }
        return new double[][][] {gr, gi};
    }

    /** Number of rows {@code m} of the decomposed matrix. */
    public int rows() {
        return rows;
    }

    /** Number of columns {@code n} of the decomposed matrix. */
    public int cols() {
        return cols;
    }

    /** The left singular vectors as columns: an {@code m × m} unitary (a copy). */
    public ComplexMatrix u() {
        return u.copy();
    }

    /** The right singular vectors as columns: an {@code n × n} unitary (a copy). */
    public ComplexMatrix v() {
        return v.copy();
    }

    /** {@code V†}, the factor the light meets first in a mesh pair (a copy). */
    public ComplexMatrix vConjugateTranspose() {
        return v.conjugateTranspose();
    }

    /** The {@code min(m, n)} singular values, descending and non-negative (a copy). */
    public double[] singularValues() {
        return sigma.clone();
    }
}
