package org.perfjunit.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** The five workloads that perf-junit and JMH both measure in {@link AccuracyBenchmark}. */
final class AccuracyWorkloads {

    static final String[] NAMES = {"empty", "sumArray", "matmul128", "sort100k", "alloc1MiB"};

    final double[] array = new SplittableRandom(1).doubles(1_000_000).toArray();
    final double[] a = new SplittableRandom(2).doubles(128 * 128).toArray();
    final double[] b = new SplittableRandom(3).doubles(128 * 128).toArray();
    final int[] ints = new SplittableRandom(4).ints(100_000).toArray();

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

    double[] matmul128() {
        int n = 128;
        double[] c = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double aik = a[i * n + k];
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += aik * b[k * n + j];
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
