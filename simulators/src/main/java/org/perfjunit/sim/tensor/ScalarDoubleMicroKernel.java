package org.perfjunit.sim.tensor;

/** A 4×4 register tile in plain Java scalars: 16 accumulators the JIT keeps in registers. */
final class ScalarDoubleMicroKernel implements DoubleMicroKernel {

    @Override
    public int mr() {
        return 4;
    }

    @Override
    public int nr() {
        return 4;
    }

    @Override
    public void compute(int kc, double[] ap, int aOff, double[] bp, int bOff, double[] c, int cOff, int ldc) {
        double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += 4, bi += 4) {
            double b0 = bp[bi], b1 = bp[bi + 1], b2 = bp[bi + 2], b3 = bp[bi + 3];
            double a0 = ap[ai], a1 = ap[ai + 1], a2 = ap[ai + 2], a3 = ap[ai + 3];
            c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
            c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
            c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
            c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
        }
        int r = cOff;
        c[r] += c00; c[r + 1] += c01; c[r + 2] += c02; c[r + 3] += c03;
        r += ldc;
        c[r] += c10; c[r + 1] += c11; c[r + 2] += c12; c[r + 3] += c13;
        r += ldc;
        c[r] += c20; c[r + 1] += c21; c[r + 2] += c22; c[r + 3] += c23;
        r += ldc;
        c[r] += c30; c[r + 1] += c31; c[r + 2] += c32; c[r + 3] += c33;
    }
}
