package org.perfjunit.examples.tensor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfjunit.Baseline;
import org.perfjunit.model.Direction;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryKind;
import org.perfjunit.MemoryUnit;
import org.perfjunit.MinThroughput;
import org.perfjunit.PerfAssertions;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.sim.tensor.ElementwiseOp;
import org.perfjunit.sim.tensor.GemmBackend;
import org.perfjunit.sim.tensor.GemmKernel;
import org.perfjunit.sim.tensor.PeakModel;
import org.perfjunit.sim.tensor.Reduction;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TrustformeRS, "Tensor Operations" (reference: {@code tensor-core-benchmarking.md}): matrix
 * multiplication GFLOPS at 1024×1024, element-wise bandwidth, reductions. Rates are perf-junit
 * counters: {@code flop/s} and {@code bytes/s} come from {@code perf.counter("flop", ...)} and
 * {@code perf.counter("bytes", ...)}, and {@code @MinThroughput(counter = ...)} limits them.
 *
 * <p>PRODUCT TARGETS (doc): matmul &gt; 100 GFLOPS, element-wise &gt; 10 GB/s, reductions &gt; 5 GB/s. On
 * this VM (AMD EPYC family 26 model 2, Zen 5, 2 vCPUs) they are met when the machine is quiet (float
 * matmul 324 GFLOPS, element-wise 21-60 GB/s) and missed when ~20 other processes share the two cores
 * (43 GFLOPS, 6.6-40 GB/s), so a wall-time assertion of the target would be a flaky test. Each target
 * is therefore reported (metric {@code target_met}, 1 or 0, beside the rate) and the asserted limit is a
 * REGRESSION GUARD: for the matmul a quarter of the figure measured under that load; for the memory-bound
 * element-wise and reduction loops, whose wall bandwidth under load spans more than 10× for one operation,
 * the test thread's CPU time per call, per operation; the baselines track the rest. Achieved GFLOPS and
 * fraction of {@link PeakModel} peak are reported as metrics.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=TensorOperationsBenchmarksTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@Tag("tensor")
// Compared with the committed baselines: CPU time and allocation, which load barely moves (module README, "Baselines")
@Baseline(metrics = {"cpu_time", "allocated"})
class TensorOperationsBenchmarksTest {

    private static final int N = 1024;
    private static final int VECTOR = 4 << 20; // 4 Mi floats = 16 MiB per array, beyond the caches

    private final OpenKernels kernels = new OpenKernels();

    @AfterEach
    void closeKernels() {
        kernels.close();
    }

    /**
     * Matmul 1024², float, best backend, 2 threads. PRODUCT TARGET 100 GFLOPS (reported, see class
     * comment); REGRESSION GUARD 8 GFLOPS (22-43 measured under load, ÷2.8-5.4). The kernel allocates its
     * packing buffers per call (~6 MiB), so allocation is limited to 16 MiB rather than zero.
     */
    @Test
    // longer caps than the module's 2 s / 4 s: at load average 24 a 2-thread 1024² multiply took 0.1-0.5 s and
    // the default caps timed the test out in warm-up
    // warm-up is detected, not fixed: with 3 fixed batches the Vector API kernel was sometimes still interpreted
    // after the suite's earlier classes, and its boxed vectors allocated 2.5 GiB per multiply
    @Performance(iterations = 10, maxWarmupTime = "5s", maxTime = "10s")
    @MinThroughput(value = 8e9, counter = "flop") // REGRESSION GUARD
    @MaxMemory(value = 16, unit = MemoryUnit.MIB, kind = MemoryKind.ALLOCATED)
    // the work runs on pool threads, which CPU time of the test thread does not see: wall time, report-only threshold;
    // allocation of the VECTOR kernel depends on when C2 compiles it (+4% to +17% between JVMs), so it is not compared
    @Baseline(metrics = "time")
    void multiplies1024MatricesAtTargetGflops(PerfContext perf) {
        float[] a = randomFloats(N * N, 1);
        float[] b = randomFloats(N * N, 2);
        float[] c = new float[N * N];
        perf.counter("flop", GemmKernel.flops(N, N, N));

        GemmKernel gemm = kernels.open(GemmBackend.best().create(2));
        perf.measure(() -> gemm.multiply(N, N, N, a, b, c));

        double gflops = GemmKernel.flops(N, N, N) / perf.result().median().toNanos();
        perf.metric("gflops", gflops, "GFLOPS", Direction.HIGHER_IS_BETTER);
        perf.metric("target_met", gflops > 100 ? 1 : 0, Direction.HIGHER_IS_BETTER); // PRODUCT TARGET (doc): > 100
        perf.metric("fraction_of_peak", PeakModel.detect().fractionOfPeak(
                GemmKernel.flops(N, N, N) * 1e9 / perf.result().median().toNanos(), PeakModel.Precision.FLOAT, 2),
                Direction.HIGHER_IS_BETTER);
        assertThat(c[0]).isEqualTo(dot(a, b, 0, 0));
    }

    /**
     * Element-wise operations over 16 MiB arrays, in bytes moved per second. PRODUCT TARGET &gt; 10 GB/s
     * (reported as {@code target_met}); wall bandwidth measured 21-40 GB/s in one run at load average ~20 and
     * 4.5-6.9 GB/s in the next (60 quiet), so no wall-time limit is within 10× of both ends, and none is
     * asserted. REGRESSION GUARD per operation on the test thread's CPU time per call
     * ({@code elementwiseCpuGuardNanos}, 4-8× the measured median): CPU time counts the memory stalls but not
     * the time other processes hold the core, and moved at most 2.1× between 11 runs at load average 5-12.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = ElementwiseOp.class, names = {"ADD", "MULTIPLY", "AXPY", "RELU"})
    @Performance(iterations = 15)
    @MaxMemory(value = 0, kind = MemoryKind.ALLOCATED)
    // memory-bound: other processes compete for bandwidth and moved even CPU time up to 1.8x; allocation is asserted (0 B)
    @Baseline(metrics = {"cpu_time"}, warning = "cpu_time=30%", critical = "cpu_time=150%")
    void streamsElementwiseOperations(ElementwiseOp op, PerfContext perf) {
        float[] x = randomFloats(VECTOR, 3);
        float[] y = randomFloats(VECTOR, 4);
        float[] out = new float[VECTOR];

        perf.measure(() -> op.apply(x, y, out));

        perf.counter("bytes", op.bytesMoved(VECTOR));
        perf.metric("target_met", bytesPerSecond(perf, op.bytesMoved(VECTOR)) > 10e9 ? 1 : 0,
                Direction.HIGHER_IS_BETTER); // PRODUCT TARGET (doc): > 10 GB/s
        PerfAssertions.assertThat(perf.result()).hasMetricAtMost("cpu_time", elementwiseCpuGuardNanos(op)); // REGRESSION GUARD
    }

    // REGRESSION GUARD, CPU ns per call, from 11 fresh runs (AMD EPYC family 26 model 2, load average 5-12): the
    // larger of 4× the slowest median (load and another EPYC generation; Zen 4's quiet baseline is within 25%) and
    // 2× the median with the JIT held at C1 with profiling (-XX:TieredStopAtLevel=3), which is what a run gets
    // when C2 is starved: one run in 11 measured AXPY there throughout (9.9 ms). Module README, "Limits against
    // measured values".
    private static double elementwiseCpuGuardNanos(ElementwiseOp op) {
        return switch (op) {
            case ADD -> 12e6;      // 1.34-2.05 ms, C1 5.8 ms
            case MULTIPLY -> 12e6; // 1.13-1.94 ms, C1 5.9 ms
            case AXPY -> 12.5e6;   // 0.91-1.84 ms, C1 6.1 ms (9.9 ms in the JIT-starved run)
            case RELU -> 5e6;      // 0.57-1.19 ms; C1 is 60 ms, which no guard within 10× survives: 4× only
            default -> throw new IllegalArgumentException("no CPU-time guard measured for " + op);
        };
    }

    /**
     * Reductions over a 16 MiB tensor. PRODUCT TARGET &gt; 5 GB/s (reported as {@code target_met}): SUM,
     * DOT and SQUARED_NORM reach 14-17 GB/s quiet, 2.2-5.0 GB/s at load average ~20; MAX only ~3.7 GB/s
     * quiet (a scalar compare chain), 1.07-1.6 GB/s loaded. As for the element-wise test, no wall-time limit
     * is within 10× of both ends; REGRESSION GUARD per operation on CPU time per call
     * ({@code reductionCpuGuardNanos}, 4-10× the measured median; MAX's covers its C1 code).
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Reduction.class)
    @Performance(iterations = 15)
    // memory-bound like the element-wise test; the 24 B/op of boxing depend on the JIT, so allocation is not compared
    @Baseline(metrics = {"cpu_time"}, warning = "cpu_time=30%", critical = "cpu_time=150%")
    void reducesLargeTensors(Reduction reduction, PerfContext perf) {
        float[] x = randomFloats(VECTOR, 5);
        float[] y = randomFloats(VECTOR, 6);

        double result = perf.measure(() -> reduction.apply(x, y));

        perf.counter("bytes", reduction.bytesMoved(VECTOR));
        perf.metric("target_met", bytesPerSecond(perf, reduction.bytesMoved(VECTOR)) > 5e9 ? 1 : 0,
                Direction.HIGHER_IS_BETTER); // PRODUCT TARGET (doc): > 5 GB/s
        assertThat(result).isFinite();
        PerfAssertions.assertThat(perf.result()).hasMetricAtMost("cpu_time", reductionCpuGuardNanos(reduction)); // REGRESSION GUARD
    }

    // REGRESSION GUARD, CPU ns per call, derived as for the element-wise operations
    private static double reductionCpuGuardNanos(Reduction reduction) {
        return switch (reduction) {
            case SUM -> 5.5e6;          // 1.24-1.37 ms, C1 2.0 ms
            case MAX -> 47.5e6;         // 4.12-5.72 ms, C1 23.6 ms (a scalar compare chain)
            case DOT -> 17e6;           // 1.87-4.19 ms, C1 2.8 ms
            case SQUARED_NORM -> 8.5e6; // 1.82-2.07 ms, C1 2.6 ms
        };
    }

    private static double bytesPerSecond(PerfContext perf, double bytes) {
        return bytes * 1e9 / perf.result().median().toNanos();
    }

    static float[] randomFloats(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextInt(-8, 9)); // small integers: float sums are exact, so results are checkable
        }
        return v;
    }

    private static float dot(float[] a, float[] b, int row, int col) {
        float s = 0;
        for (int k = 0; k < N; k++) {
            s += a[row * N + k] * b[k * N + col];
        }
        return s;
    }
}
