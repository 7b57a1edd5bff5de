package org.perfjunit.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.perfjunit.sim.tensor.PeakModel;
import org.perfjunit.sim.tensor.PeakModel.Precision;

/**
 * JMH auxiliary counters of {@link GemmBenchmark}: JMH divides each public field by the iteration time,
 * so {@code gflops} (10⁹ FLOPs per multiply) reads as GFLOPS and {@code percentOfPeak} (100·FLOPs / peak
 * FLOP/s per multiply) as the percentage of {@link PeakModel}'s theoretical peak.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class GemmCounters {

    static final PeakModel PEAK = PeakModel.detect();
    private static final double FLOPS = 2.0 * GemmBenchmark.N * GemmBenchmark.N * GemmBenchmark.N;

    /** GFLOP done in this iteration (reported per second: GFLOPS). */
    public double gflops;

    /** Percent of a second of peak compute used in this iteration (reported per second: % of peak). */
    public double percentOfPeak;

    @Setup(Level.Iteration)
    public void reset() {
        gflops = 0;
        percentOfPeak = 0;
    }

    void count(Precision precision, int threads) {
        gflops += FLOPS / 1e9;
        percentOfPeak += 100 * FLOPS / PEAK.peakFlops(precision, threads);
    }
}
