package org.perfjunit.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** JMH side of {@link AccuracyBenchmark}: the same workloads, JMH's way. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AccuracyJmh {

    private final AccuracyWorkloads w = new AccuracyWorkloads();

    @Benchmark
    public Object empty() {
        return AccuracyWorkloads.empty();
    }

    @Benchmark
    public double sumArray() {
        return w.sumArray();
    }

    @Benchmark
    public double[][] matmul128() {
        return w.matmul128();
    }

    @Benchmark
    public int[] sort100k() {
        return w.sort100k();
    }

    @Benchmark
    public byte[] alloc1MiB() {
        return AccuracyWorkloads.alloc1MiB();
    }
}
