package org.perfjunit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perfjunit.sim.photonic.CompiledNetwork;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.PhotonicCompiler;
import org.perfjunit.sim.photonic.TargetConfig;

/**
 * Compile time of photon-mlir-bridge's reference models on 64×64 Clements tiles
 * (targets: small 784-128-10 &lt; 100 ms, large 2048-1024-512-10 &lt; 2 s).
 *
 * <p>Run: {@code mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec
 * -Dbench.args="PhotonicCompileBenchmark"}; add {@code -p parallel=false} to the args for one thread.
 * The result is returned, so JMH consumes it and the JIT cannot drop the work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PhotonicCompileBenchmark {

    /** Which reference model to compile. */
    @Param({"small", "large"})
    public String model;

    /** Compile tiles on the common fork-join pool. */
    @Param({"true"})
    public boolean parallel;

    private Network network;
    private PhotonicCompiler compiler;

    /** Builds the model once; only compilation is measured. */
    @Setup
    public void setUp() {
        network = "small".equals(model) ? Network.small(42) : Network.large(42);
        compiler = new PhotonicCompiler(TargetConfig.defaults().withParallel(parallel));
    }

    /** One full compilation: parse, tile, SVD, decompose, phase optimisation, metrics. */
    @Benchmark
    public CompiledNetwork compile() {
        return compiler.compile(network);
    }
}
