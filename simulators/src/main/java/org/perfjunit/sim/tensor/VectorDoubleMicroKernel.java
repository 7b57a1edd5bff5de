package org.perfjunit.sim.tensor;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A 6 × (2 vectors) register tile with fused multiply-add from the JDK Vector API: 12 vector accumulators,
 * enough independent FMAs to cover FMA latency on two pipes. Loaded only by reflection when
 * {@code jdk.incubator.vector} is in the boot layer (see {@link VectorSupport}).
 */
final class VectorDoubleMicroKernel implements DoubleMicroKernel {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    /** @return lanes of the preferred double species on this JVM (read reflectively by {@link VectorSupport}) */
    static int lanes() {
        return L;
    }

    @Override
    public int mr() {
        return 6;
    }

    @Override
    public int nr() {
        return 2 * L;
    }

    @Override
    public void compute(int kc, double[] ap, int aOff, double[] bp, int bOff, double[] c, int cOff, int ldc) {
        DoubleVector c00 = DoubleVector.zero(S), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00;
        DoubleVector c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        int ai = aOff;
        int bi = bOff;
        for (int p = 0; p < kc; p++, ai += 6, bi += 2 * L) {
            DoubleVector b0 = DoubleVector.fromArray(S, bp, bi);
            DoubleVector b1 = DoubleVector.fromArray(S, bp, bi + L);
            DoubleVector a = DoubleVector.broadcast(S, ap[ai]);
            c00 = a.fma(b0, c00); c01 = a.fma(b1, c01);
            a = DoubleVector.broadcast(S, ap[ai + 1]);
            c10 = a.fma(b0, c10); c11 = a.fma(b1, c11);
            a = DoubleVector.broadcast(S, ap[ai + 2]);
            c20 = a.fma(b0, c20); c21 = a.fma(b1, c21);
            a = DoubleVector.broadcast(S, ap[ai + 3]);
            c30 = a.fma(b0, c30); c31 = a.fma(b1, c31);
            a = DoubleVector.broadcast(S, ap[ai + 4]);
            c40 = a.fma(b0, c40); c41 = a.fma(b1, c41);
            a = DoubleVector.broadcast(S, ap[ai + 5]);
            c50 = a.fma(b0, c50); c51 = a.fma(b1, c51);
        }
        addRow(c, cOff, c00, c01);
        addRow(c, cOff + ldc, c10, c11);
        addRow(c, cOff + 2 * ldc, c20, c21);
        addRow(c, cOff + 3 * ldc, c30, c31);
        addRow(c, cOff + 4 * ldc, c40, c41);
        addRow(c, cOff + 5 * ldc, c50, c51);
    }

    private static void addRow(double[] c, int off, DoubleVector v0, DoubleVector v1) {
        DoubleVector.fromArray(S, c, off).add(v0).intoArray(c, off);
        DoubleVector.fromArray(S, c, off + L).add(v1).intoArray(c, off + L);
    }
}
