package org.perfjunit.sim.photonic;

import java.util.SplittableRandom;

/**
 * A square complex matrix stored as two row-major {@code double[]} arrays (real and imaginary
 * parts), so hot loops work on primitives rather than boxed complex numbers.
 *
 * <p>Mutable on purpose: decompositions null entries in place on a copy.
 */
public final class ComplexMatrix {

    private final int size;
    final double[] re;
    final double[] im;

    /**
     * Creates a zero {@code size × size} matrix.
     *
     * @param size number of rows and columns
     */
    public ComplexMatrix(int size) {
        this(size, new double[size * size], new double[size * size]);
    }

    private ComplexMatrix(int size, double[] re, double[] im) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive, was " + size);
        }
        this.size = size;
        this.re = re;
        this.im = im;
    }

    /**
     * Wraps row-major real values (copied) as a complex matrix with zero imaginary part.
     *
     * @param size  number of rows and columns
     * @param real  {@code size²} values
     * @return the matrix
     */
    public static ComplexMatrix ofReal(int size, double[] real) {
        if (real.length != size * size) {
            throw new IllegalArgumentException("expected " + size * size + " values, got " + real.length);
        }
        return new ComplexMatrix(size, real.clone(), new double[size * size]);
    }

    /** The identity matrix. */
    public static ComplexMatrix identity(int size) {
        ComplexMatrix m = new ComplexMatrix(size);
        for (int i = 0; i < size; i++) {
            m.re[i * size + i] = 1;
        }
        return m;
    }

    /**
     * A unitary drawn from the Haar measure: the Q of a QR factorisation of a complex Ginibre
     * matrix, with R's diagonal real and positive (Mezzadri, Notices AMS 54, 592 (2007)); Gram-Schmidt
     * with re-orthogonalisation yields exactly that normalisation.
     *
     * @param size   dimension
     * @param random seeded source
     * @return the unitary
     */
    public static ComplexMatrix haarUnitary(int size, SplittableRandom random) {
        ComplexMatrix q = new ComplexMatrix(size);
        for (int i = 0; i < q.re.length; i++) {
            q.re[i] = random.nextGaussian();
            q.im[i] = random.nextGaussian();
        }
        int n = size;
        for (int c = 0; c < n; c++) {
            for (int pass = 0; pass < 2; pass++) { // "twice is enough" keeps orthogonality near 1e-16
                for (int p = 0; p < c; p++) {
                    double dr = 0;
                    double di = 0; // <q_p, q_c> = sum conj(q_p) q_c
                    for (int r = 0; r < n; r++) {
                        double ar = q.re[r * n + p];
                        double ai = q.im[r * n + p];
                        double br = q.re[r * n + c];
                        double bi = q.im[r * n + c];
                        dr += ar * br + ai * bi;
                        di += ar * bi - ai * br;
                    }
                    for (int r = 0; r < n; r++) {
                        double ar = q.re[r * n + p];
                        double ai = q.im[r * n + p];
                        q.re[r * n + c] -= dr * ar - di * ai;
                        q.im[r * n + c] -= dr * ai + di * ar;
                    }
                }
            }
            double norm = 0;
            for (int r = 0; r < n; r++) {
                norm += q.re[r * n + c] * q.re[r * n + c] + q.im[r * n + c] * q.im[r * n + c];
            }
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) {
                q.re[r * n + c] /= norm;
                q.im[r * n + c] /= norm;
            }
        }
        return q;
    }

    /** Number of rows (= columns). */
    public int size() {
        return size;
    }

    /** Real part of entry {@code (row, column)}. */
    public double re(int row, int column) {
        return re[row * size + column];
    }

    /** Imaginary part of entry {@code (row, column)}. */
    public double im(int row, int column) {
        return im[row * size + column];
    }

    /**
     * Sets one entry.
     *
     * @param row       row
     * @param column    column
     * @param real      real part
     * @param imaginary imaginary part
     */
    public void set(int row, int column, double real, double imaginary) {
        re[row * size + column] = real;
        im[row * size + column] = imaginary;
    }

    /** A deep copy. */
    public ComplexMatrix copy() {
        return new ComplexMatrix(size, re.clone(), im.clone());
    }

    /** {@code true} when every imaginary part is exactly zero. */
    public boolean isReal() {
        for (double v : im) {
            if (v != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Matrix product {@code this · other}.
     *
     * @param other right factor, same size
     * @return a new matrix
     */
    public ComplexMatrix multiply(ComplexMatrix other) {
        int n = size;
        ComplexMatrix out = new ComplexMatrix(n);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double ar = re[i * n + k];
                double ai = im[i * n + k];
                if (ar == 0 && ai == 0) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    double br = other.re[k * n + j];
                    double bi = other.im[k * n + j];
                    out.re[i * n + j] += ar * br - ai * bi;
                    out.im[i * n + j] += ar * bi + ai * br;
                }
            }
        }
        return out;
    }

    /** The conjugate transpose. */
    public ComplexMatrix conjugateTranspose() {
        ComplexMatrix out = new ComplexMatrix(size);
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                out.re[j * size + i] = re[i * size + j];
                out.im[j * size + i] = -im[i * size + j];
            }
        }
        return out;
    }

    /**
     * Largest entry-wise modulus of {@code this − other}.
     *
     * @param other matrix of the same size
     * @return {@code max |a_ij − b_ij|}
     */
    public double maxAbsDifference(ComplexMatrix other) {
        double max = 0;
        for (int i = 0; i < re.length; i++) {
            max = Math.max(max, Math.hypot(re[i] - other.re[i], im[i] - other.im[i]));
        }
        return max;
    }
}
