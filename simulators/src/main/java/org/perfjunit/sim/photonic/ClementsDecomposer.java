package org.perfjunit.sim.photonic;

/**
 * Rectangular (Clements) decomposition. Entries below the anti-diagonal are nulled diagonal by
 * diagonal, alternating column mixes ({@code V·T⁻¹}) and row mixes ({@code T·V}); the row mixes
 * are then moved through the remaining diagonal with {@code T⁻¹(θ,φ)·D = D'·T(θ,φ')}, where
 * {@code φ' = π + arg d₁ − arg d₂}, {@code d₁' = −e^{−iφ} d₂}, {@code d₂' = d₂}.
 */
final class ClementsDecomposer {

    private ClementsDecomposer() {
    }

    static MziMesh decompose(ComplexMatrix unitary) {
        int n = unitary.size();
        double[] re = unitary.re.clone();
        double[] im = unitary.im.clone();
        MeshRecorder out = new MeshRecorder(n);
        LeftOps left = new LeftOps(n);
        double[] angles = new double[2];
        for (int i = 0; i < n - 1; i++) {
            if (i % 2 == 0) {
                for (int j = 0; j <= i; j++) {
                    int r = n - 1 - j;
                    int c = i - j;
                    MziNulling.nullRight(re, im, n, r, c, r, angles); // rows below r are already zero here
                    out.add(c, angles[0], angles[1]);
                }
            } else {
                for (int j = 0; j <= i; j++) {
                    int r = n - 1 - i + j;
                    MziNulling.nullLeft(re, im, n, r, j, angles); // columns left of j are already zero here
                    left.add(r - 1, angles[0], angles[1]);
                }
            }
        }
        double[] dr = new double[n];
        double[] di = new double[n];
        for (int j = 0; j < n; j++) {
            dr[j] = re[j * n + j];
            di[j] = im[j * n + j];
        }
        for (int k = left.count - 1; k >= 0; k--) {
            int m = left.modes[k];
            double phi = left.phi[k];
            double arg1 = Math.atan2(di[m], dr[m]);
            double arg2 = Math.atan2(di[m + 1], dr[m + 1]);
            out.add(m, left.theta[k], Math.PI + arg1 - arg2);
            double er = -Math.cos(phi); // −e^{−iφ}
            double ei = Math.sin(phi);
            dr[m] = er * dr[m + 1] - ei * di[m + 1];
            di[m] = er * di[m + 1] + ei * dr[m + 1];
        }
        double[] phases = new double[n];
        for (int j = 0; j < n; j++) {
            phases[j] = Math.atan2(di[j], dr[j]);
        }
        return out.build(phases);
    }

    static MziMesh decomposeOrthogonal(int n, double[] orthogonal) {
        double[] q = orthogonal.clone();
        MeshRecorder out = new MeshRecorder(n);
        LeftOps left = new LeftOps(n);
        double[] angles = new double[2];
        for (int i = 0; i < n - 1; i++) {
            if (i % 2 == 0) {
                for (int j = 0; j <= i; j++) {
                    int r = n - 1 - j;
                    int c = i - j;
                    MziNulling.nullRight(q, n, r, c, r, angles);
                    out.add(c, angles[0], angles[1]);
                }
            } else {
                for (int j = 0; j <= i; j++) {
                    int r = n - 1 - i + j;
                    MziNulling.nullLeft(q, n, r, j, angles);
                    left.add(r - 1, angles[0], angles[1]);
                }
            }
        }
        double[] d = new double[n];
        for (int j = 0; j < n; j++) {
            d[j] = q[j * n + j] < 0 ? -1 : 1;
        }
        for (int k = left.count - 1; k >= 0; k--) {
            int m = left.modes[k];
            double sign = left.phi[k] == 0 ? 1 : -1; // e^{iφ}
            out.add(m, left.theta[k], -d[m] * d[m + 1] > 0 ? 0 : Math.PI);
            d[m] = -sign * d[m + 1];
        }
        double[] phases = new double[n];
        for (int j = 0; j < n; j++) {
            phases[j] = d[j] < 0 ? Math.PI : 0;
        }
        return out.build(phases);
    }

    /** Row mixes waiting to be moved through the diagonal. */
    private static final class LeftOps {
        final int[] modes;
        final double[] theta;
        final double[] phi;
        int count;

        LeftOps(int n) {
            int capacity = n * (n - 1) / 2;
            modes = new int[capacity];
            theta = new double[capacity];
            phi = new double[capacity];
        }

        void add(int mode, double t, double p) {
            modes[count] = mode;
            theta[count] = t;
            phi[count] = p;
            count++;
        }
    }
}
