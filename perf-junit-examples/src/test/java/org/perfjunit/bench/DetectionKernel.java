package org.perfjunit.bench;

import java.util.function.LongSupplier;

/**
 * The code under test of {@link CrossJvmDetectionBenchmark}: a ~40 µs loop over {@code length} longs.
 * {@link DetectionWorkload} loads a second copy of this class in a child-first class loader for the
 * paired column's base, so the base is compiled by the JIT on its own, as a base revision's classes are.
 */
public final class DetectionKernel implements LongSupplier {

    private final long[] data;

    public DetectionKernel(int length) {
        data = new long[length];
        for (int i = 0; i < length; i++) {
            data[i] = i * 31L + 7;
        }
    }

    @Override
    public long getAsLong() {
        long sum = 0;
        for (long v : data) {
            sum += v ^ (sum >>> 3);
        }
        return sum;
    }
}
