package org.perfjunit.sim.tensor;

/**
 * The reference GEMM: the textbook triple loop, one dot product per output element, summed left to right.
 * Slow by design; every other kernel is checked against it.
 */
public final class NaiveGemm implements GemmKernel {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public int threads() {
        return 1;
    }

    @Override
    public void multiply(int m, int n, int k, double[] a, double[] b, double[] c) {
        GemmKernel.checkShape(m, n, k, a.length, b.length, c.length);
        GemmKernel.checkNotAliased(a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
    }

    @Override
    public void multiply(int m, int n, int k, float[] a, float[] b, float[] c) {
        GemmKernel.checkShape(m, n, k, a.length, b.length, c.length);
        GemmKernel.checkNotAliased(a, b, c);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float sum = 0;
                for (int p = 0; p < k; p++) {
                    sum += a[i * k + p] * b[p * n + j];
                }
                c[i * n + j] = sum;
            }
        }
    }
}
