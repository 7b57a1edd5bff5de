package org.perfjunit.sim.photonic;

/** Triangular (Reck) decomposition: null each row right to left from the bottom, with column mixes only. */
final class ReckDecomposer {

    private ReckDecomposer() {
    }

    static MziMesh decompose(ComplexMatrix unitary) {
        int n = unitary.size();
        double[] re = unitary.re.clone();
        double[] im = unitary.im.clone();
        MeshRecorder out = new MeshRecorder(n);
        double[] angles = new double[2];
        for (int r = n - 1; r >= 1; r--) {
            for (int c = 0; c < r; c++) {
                // rows below r already hold only their diagonal entry, so mix rows 0..r only
                MziNulling.nullRight(re, im, n, r, c, r, angles);
                out.add(c, angles[0], angles[1]);
            }
        }
        double[] phases = new double[n];
        for (int j = 0; j < n; j++) {
            phases[j] = Math.atan2(im[j * n + j], re[j * n + j]);
        }
        return out.build(phases);
    }

    static MziMesh decomposeOrthogonal(int n, double[] orthogonal) {
        double[] q = orthogonal.clone();
        MeshRecorder out = new MeshRecorder(n);
        double[] angles = new double[2];
        for (int r = n - 1; r >= 1; r--) {
            for (int c = 0; c < r; c++) {
                MziNulling.nullRight(q, n, r, c, r, angles);
                out.add(c, angles[0], angles[1]);
            }
        }
        double[] phases = new double[n];
        for (int j = 0; j < n; j++) {
            phases[j] = q[j * n + j] < 0 ? Math.PI : 0;
        }
        return out.build(phases);
    }
}
