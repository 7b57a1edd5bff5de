package org.example;

import org.junit.jupiter.api.Test;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The five reference workloads as a user writes them: @Performance and nothing else, every setting
 * at its default. The same code as AccuracyWorkloads, which JMH measures.
 */
class ReferenceWorkloadsTest {

    private final double[] array = new SplittableRandom(1).doubles(1_000_000).toArray();
    private final double[][] a = matrix(2);
    private final double[][] b = matrix(3);
    private final int[] ints = new SplittableRandom(4).ints(100_000).toArray();

    private static double[][] matrix(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[128][];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.doubles(128).toArray();
        }
        return m;
    }

    @Test
    @Performance
    void emptyBody() {
    }

    @Test
    @Performance
    void sumArray(PerfContext perf) {
        perf.measureDouble(() -> {
            double s = 0;
            for (double v : array) {
                s += v;
            }
            return s;
        });
    }

    @Test
    @Performance
    void sort100k(PerfContext perf) {
        perf.measure(() -> {
            int[] copy = ints.clone();
            Arrays.sort(copy);
            return copy;
        });
    }

    @Test
    @Performance
    void matmul128(PerfContext perf) {
        perf.measure(this::matmul);
    }

    @Test
    @Performance
    void alloc1MiB(PerfContext perf) {
        perf.measure(() -> new byte[1 << 20]);
    }

    private double[][] matmul() {
        int n = 128;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i][k];
                for (int j = 0; j < n; j++) {
                    c[i][j] += aik * b[k][j];
                }
            }
        }
        return c;
    }
}
