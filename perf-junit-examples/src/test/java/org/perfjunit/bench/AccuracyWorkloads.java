package org.perfjunit.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The five workloads that perf-junit and JMH both measure in {@link AccuracyBenchmark}. */
final class AccuracyWorkloads {

    static final String[] NAMES = {"empty", "sumArray", "matmul128", "sort100k", "alloc1MiB"};

    final double[] array = new SplittableRandom(1).doubles(1_000_000).toArray();
    final double[][] a = matrix(2);
    final double[][] b = matrix(3);
    final int[] ints = new SplittableRandom(4).ints(100_000).toArray();

    private static double[][] matrix(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] m = new double[128][];
        for (int i = 0; i < m.length; i++) {
            m[i] = random.doubles(128).toArray();
        }
        return m;
    }

    static Object empty() {
        return null;
    }

    double sumArray() {
        double s = 0;
        for (double v : array) {
            s += v;
        }
        return s;
    }

    /** Naive ikj on {@code double[][]}, as a user writes it (the consumer test has the same code). */
    double[][] matmul128() {
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

    int[] sort100k() {
        int[] copy = ints.clone();
        Arrays.sort(copy);
        return copy;
    }

    static byte[] alloc1MiB() {
        return new byte[1 << 20];
    }

    /**
     * The workload as perf-junit's operation, chosen once so the measured call is not a string switch.
     * The sum goes through the path of {@code perf.measureDouble(...)}, which consumes it unboxed, as JMH does.
     */
    org.perfjunit.engine.Operation operation(String name) {
        return switch (name) {
            case "empty" -> AccuracyWorkloads::empty;
            case "sumArray" -> org.perfjunit.engine.Operation.of((org.perfjunit.engine.Operation.OfDouble) this::sumArray);
            case "matmul128" -> this::matmul128;
            case "sort100k" -> this::sort100k;
            case "alloc1MiB" -> AccuracyWorkloads::alloc1MiB;
            default -> throw new IllegalArgumentException("unknown workload " + name);
        };
    }
}
