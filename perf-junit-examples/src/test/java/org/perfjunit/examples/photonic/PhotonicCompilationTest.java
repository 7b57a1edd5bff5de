package org.perfjunit.examples.photonic;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.perfjunit.Baseline;
import org.perfjunit.model.Complexity;
import org.perfjunit.model.Direction;
import org.perfjunit.ExpectComplexity;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryKind;
import org.perfjunit.MemoryUnit;
import org.perfjunit.PerfAssertions;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.sim.photonic.CompiledNetwork;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.Pass;
import org.perfjunit.sim.photonic.PhotonicCompiler;
import org.perfjunit.sim.photonic.PhotonicSimulator;
import org.perfjunit.sim.photonic.TargetConfig;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * photon-mlir-bridge, category 1 "Compilation Performance" (reference:
 * {@code photonic-compiler-benchmarks.md}): MLIR pass performance, full pipeline (small and large
 * model), peak memory, scalability with model size, and the batch-size scaling of its pytest example.
 *
 * <p>Targets: small model &lt; 100 ms, large model &lt; 2 s, peak memory &lt; 512 MB. Measured (AMD EPYC
 * family 26 model 2, 2 vCPUs): the small model compiles in 40 ms on a quiet machine, but in 300-585 ms
 * with ~20 other processes on the two cores (load average 20-24). The time targets hold only on a
 * quiet machine, so they are reported as {@code target_met} (1 or 0, from the median wall time), not
 * asserted. The REGRESSION GUARD is the compiling thread's CPU time, which load does not stretch:
 * depending on how much of the fork-join work the calling thread does it is 39-73 ms for the small
 * model (a whole single-threaded compile is ~100 ms), so the guard is 250 ms; 1.0 s for the large
 * model (~2 s single-threaded), so 5 s. Memory: allocation per compile (deterministic) with its baseline.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=PhotonicCompilationTest -Dsurefire.failIfNoSpecifiedTests=false}
 * (add {@code -DexcludedGroups=} to include the slow large-model test).
 */
// Compared with the committed baselines: CPU time and allocation, which load barely moves (module README, "Baselines")
@Baseline(metrics = {"cpu_time", "allocated"})
class PhotonicCompilationTest {

    /** PRODUCT TARGET (photon-mlir-bridge table): &lt; 100 ms, reported as {@code target_met}; guard on CPU time. */
    @PhotonicBenchmark
    @Performance(iterations = 15, maxWarmupTime = "3s", maxTime = "8s")
    void compilesSmallModel(PerfContext perf) {
        Network small = Network.small(42);
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults(), new PassPhases(perf));

        CompiledNetwork compiled = perf.measure(() -> compiler.compile(small));

        perf.counter("tiles", compiled.tileCount());
        assertThat(compiled.tileCount()).isEqualTo(28); // 784-128-10 on 64-port tiles: 13×2 + 2×1
        perf.metric("target_met", perf.result().median().toNanos() < 100e6 ? 1 : 0, Direction.HIGHER_IS_BETTER);
        PerfAssertions.assertThat(perf.result()).hasMetricAtMost("cpu_time", 250e6); // REGRESSION GUARD, ns
    }

    /**
     * MLIR pass performance: each pass of the pipeline becomes a {@code phase.<pass>} metric via
     * {@link PassPhases}. Asserted: every pass ran and the SVD (the numeric core) dominates.
     */
    @PhotonicBenchmark
    @Performance(iterations = 10, maxWarmupTime = "3s", maxTime = "6s")
    void timesEveryCompilerPass(PerfContext perf) {
        Network small = Network.small(42);
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults().withParallel(false), new PassPhases(perf));

        perf.measure(() -> compiler.compile(small));

        var result = perf.result();
        for (Pass pass : Pass.values()) {
            assertThat(result.metric("phase." + pass.id())).as("phase of pass %s", pass.id()).isPresent();
        }
        double svd = result.metric("phase.svd").orElseThrow().value();
        double parse = result.metric("phase.parse").orElseThrow().value();
        assertThat(svd).as("svd ns per compile vs parse").isGreaterThan(parse);
    }

    /**
     * PRODUCT TARGETS: &lt; 2 s, reported as {@code target_met} (0.94 s wall quiet, 10 s at load average 22;
     * REGRESSION GUARD: the compiling thread's CPU time &lt; 5 s, 0.87-1.0 s measured), and peak memory
     * &lt; 512 MB, asserted as bytes allocated per compile (366 MB measured, deterministic; it bounds
     * what the compile can add at its peak). The JVM's peak heap (reported as {@code peak_heap}) is not
     * asserted: it includes garbage left by earlier tests in the same JVM and depends on when G1
     * collects (420-575 MiB seen here). REGRESSION GUARD: the baseline on allocation. Slow: ~15 s
     * quiet, over a minute under load.
     */
    @PhotonicBenchmark
    @Tag("slow")
    @Performance(warmupIterations = 1, iterations = 3, maxTime = "90s")
    @MaxMemory(value = 512, unit = MemoryUnit.MIB, kind = MemoryKind.ALLOCATED) // PRODUCT TARGET (doc)
    // 3 samples give no confidence interval (a bare ratio on a noisy machine): the deterministic allocation only
    @Baseline(metrics = "allocated")
    void compilesLargeModel(PerfContext perf) {
        Network large = Network.large(42);
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults(), new PassPhases(perf));

        CompiledNetwork compiled = perf.measure(() -> compiler.compile(large));

        assertThat(compiled.tileCount()).isEqualTo(648);
        perf.metric("target_met", perf.result().median().toNanos() < 2e9 ? 1 : 0, Direction.HIGHER_IS_BETTER);
        PerfAssertions.assertThat(perf.result()).hasMetricAtMost("cpu_time", 5e9); // REGRESSION GUARD, ns
    }

    /**
     * Memory usage on the default run: the small model's compile allocates and keeps little.
     * Doc target 512 MB peak (asserted on the large model); REGRESSION GUARDS for the small model, from
     * deterministic measurements: 64 MiB allocated per compile (17 MiB measured, ×3.8) and 8 MiB retained
     * by the compiled circuit (JOL deep size; 3.1 MB measured, ×2.7).
     */
    @PhotonicBenchmark
    @Performance(iterations = 10, maxWarmupTime = "3s", maxTime = "6s")
    @MaxMemory(value = 64, unit = MemoryUnit.MIB, kind = MemoryKind.ALLOCATED)
    @MaxMemory(value = 8, unit = MemoryUnit.MIB, kind = MemoryKind.RETAINED)
    // retained size (JOL deep size) is deterministic: it keeps the tight default (critical 10%)
    @Baseline(metrics = {"cpu_time", "allocated", "retained"})
    void keepsSmallModelCompilationMemoryLow(PerfContext perf) {
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults());
        CompiledNetwork compiled = perf.measure(() -> compiler.compile(Network.small(42)));
        assertThat(compiled.report().mziCount()).isPositive();
    }

    /**
     * Scalability with model size: one square layer of width n on 64-port tiles needs (n/64)²
     * tiles of equal cost, so compile time grows as O(n²) in the width. Single-threaded, so the
     * fit sees the algorithm, not the fork-join pool.
     */
    @ParameterizedTest(name = "width {0}")
    @ValueSource(ints = {64, 128, 192, 256, 384})
    @Performance(iterations = 8, maxWarmupTime = "2s", maxTime = "4s")
    @ExpectComplexity(value = Complexity.O_N2, metric = "cpu_time")
    @Tag("photonic")
    void compileTimeGrowsQuadraticallyWithLayerWidth(int width, PerfContext perf) {
        Network net = Network.mlp(7, width, width);
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults().withParallel(false));

        CompiledNetwork compiled = perf.measure(() -> compiler.compile(net));

        perf.counter("macs", net.macs());
        assertThat(compiled.tileCount()).isEqualTo((width / 64) * (width / 64));
    }

    /**
     * Batch-size scaling (1, 8, 32, 128), from the doc's {@code test_batch_size_scaling}. A traced
     * batch does not change the compiled circuit, so the circuit is compiled once and the measured
     * operation runs the batch through the simulated chip: linear in the batch, O(n). (Measuring
     * compile + run made a fixed ~90 ms compile dominate every size, and over 4 sizes the fit then
     * could not tell n from n² within the noise: it read O(n²) in a healthy run.) The declared bound
     * is O(n log n), one class of headroom; O(n²) still fails. The fit uses CPU time, which another
     * process's load between the sizes' measurements bends far less than wall time.
     */
    @ParameterizedTest(name = "batch {0}")
    @ValueSource(ints = {1, 8, 32, 128})
    @Performance(iterations = 8, maxWarmupTime = "2s", maxTime = "6s")
    @ExpectComplexity(value = Complexity.O_N_LOG_N, metric = "cpu_time")
    @Tag("photonic")
    void runsBatchesInTimeLinearInBatchSize(int batchSize, PerfContext perf) {
        Network small = Network.small(42);
        double[][] batch = inputs(batchSize, small.inputs());
        // single-threaded, so the fit can use the measuring thread's CPU time
        PhotonicSimulator chip = PhotonicSimulator.lossless(
                new PhotonicCompiler(TargetConfig.defaults().withParallel(false)).compile(small));

        double[] last = perf.measure(() -> {
            double[] y = null;
            for (double[] x : batch) {
                y = chip.infer(x);
            }
            return y;
        });

        perf.counter("images", batchSize);
        assertThat(last).hasSize(10);
    }

    static double[][] inputs(int count, int size) {
        SplittableRandom random = new SplittableRandom(count * 31L + size);
        double[][] xs = new double[count][size];
        for (double[] x : xs) {
            for (int i = 0; i < size; i++) {
                x[i] = random.nextDouble();
            }
        }
        return xs;
    }
}
