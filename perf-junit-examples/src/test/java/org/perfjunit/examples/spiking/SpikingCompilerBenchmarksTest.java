package org.perfjunit.examples.spiking;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfjunit.Baseline;
import org.perfjunit.model.Direction;
import org.perfjunit.EnergyUnit;
import org.perfjunit.MaxDuration;
import org.perfjunit.MaxEnergy;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryKind;
import org.perfjunit.MemoryUnit;
import org.perfjunit.MinThroughput;
import org.perfjunit.PerfAssertions;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.RequiresHardware;
import org.perfjunit.model.Statistic;
import org.perfjunit.sim.spiking.BatchResult;
import org.perfjunit.sim.spiking.ChipConfig;
import org.perfjunit.sim.spiking.ChipMapping;
import org.perfjunit.sim.spiking.EnergyModel;
import org.perfjunit.sim.spiking.EnergyReport;
import org.perfjunit.sim.spiking.InferenceResult;
import org.perfjunit.sim.spiking.LoihiCompiler;
import org.perfjunit.sim.spiking.ReferenceNetwork;
import org.perfjunit.sim.spiking.ReferenceNetworks;
import org.perfjunit.sim.spiking.SpikingMlp;
import org.perfjunit.sim.spiking.AnnToSnnConverter;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spike-Transformer-Compiler, "Compilation Performance" and "Runtime Performance" (reference:
 * {@code spiking-compiler-benchmarks.md}) on the small reference network (784-128-10, trained on
 * synthetic digits, converted to a Loihi-style SNN; T = 32, rate coding, fixed point).
 *
 * <p>Targets: compilation (SpikeFormer-Base) &lt; 60 s, peak memory &lt; 4 GB, energy per inference
 * &lt; 5 mJ, inference latency &lt; 25 ms. The reference network is ~200× smaller than
 * SpikeFormer-Base, so the document's targets are asserted as written (they pass by a wide margin)
 * and the regression guard for this network is a baseline. Energy and chip latency are the
 * simulator's estimates (Davies et al. 2018 per-operation costs): exact, never noisy.
 * Tags: {@code performance} (all), {@code energy} ({@code @MaxEnergy}), {@code hardware} (Loihi).
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=SpikingCompilerBenchmarksTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("spiking")
// Compared with the committed baselines: CPU time and allocation, which load barely moves (module README, "Baselines")
@Baseline(metrics = {"cpu_time", "allocated"})
class SpikingCompilerBenchmarksTest {

    private ReferenceNetwork ref;
    private ChipMapping chip;

    @BeforeAll
    void buildReferenceNetwork() {
        ref = ReferenceNetworks.small(); // ~2 s: train the ANN and convert it, once per class
        chip = new LoihiCompiler().compile(ref.snn(), ChipConfig.loihi());
    }

    /**
     * Compilation time: ANN-to-SNN conversion (threshold balancing on 200 calibration inputs) plus
     * mapping onto Loihi cores. Target &lt; 60 s (for SpikeFormer-Base), asserted as written.
     * Memory: target peak &lt; 4 GB; asserted: at most 64 MiB allocated per compile (2 MiB measured),
     * which bounds what the compile can add to the heap. The JVM's peak heap is reported, not
     * asserted: it counts garbage left by earlier tests in the same JVM.
     */
    @Test
    @Performance(iterations = 10)
    @MaxDuration(value = 60, unit = TimeUnit.SECONDS)
    @MaxMemory(value = 64, unit = MemoryUnit.MIB, kind = MemoryKind.ALLOCATED)
    @SuppressWarnings("try") // phases are closed by try-with-resources only for their timing
    void compilesReferenceNetworkForLoihi(PerfContext perf) {
        ChipMapping mapping = perf.measure(() -> {
            SpikingMlp snn;
            try (var phase = perf.phase("convert")) {
                snn = AnnToSnnConverter.robust().convert(ref.ann(), ref.train().slice(0, 200));
            }
            try (var phase = perf.phase("map")) {
                return new LoihiCompiler().compile(snn, ChipConfig.loihi());
            }
        });

        perf.metric("cores_used", mapping.coresUsed(), Direction.LOWER_IS_BETTER);
        perf.metric("synaptic_memory_kib", mapping.synapticMemoryBits() / 8.0 / 1024, "KiB", Direction.LOWER_IS_BETTER);
        assertThat(mapping.chipsUsed()).isEqualTo(1);
        // the doc's profiler check (prof.get_cpu_time() < MAX_CPU_TIME): CPU time of the compiling thread, ns
        PerfAssertions.assertThat(perf.result()).hasMetricAtMost("cpu_time", 10e9);
    }

    /**
     * Inference latency: target &lt; 25 ms. Two readings: the simulator's wall time for one input
     * (asserted at p95: ~0.4 ms, so even a loaded machine keeps a wide margin) and the estimated
     * time on the chip (reported as {@code chip_latency_ms} and asserted, exact).
     */
    @Test
    @Performance
    @MaxDuration(value = 25, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
    void infersOneInputWithinLatencyTarget(PerfContext perf) {
        double[] x = ref.test().inputs()[0];

        InferenceResult result = perf.measure(() -> ref.snn().infer(x, ref.timingOptions()));

        double chipLatency = EnergyModel.davies2018().estimate(result.counts(), chip).latencySeconds();
        perf.metric("chip_latency_ms", chipLatency * 1e3, "ms", Direction.LOWER_IS_BETTER);
        assertThat(chipLatency).as("estimated chip latency, s").isLessThan(0.025);
        assertThat(result.prediction()).isEqualTo(ref.test().labels()[0]);
    }

    /** Energy per inference: target &lt; 5 mJ, from the energy model (≈ 12 µJ), asserted as written. */
    @Test
    @Performance
    @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
    // the modelled energy is deterministic: it keeps the tight default (critical 5%)
    @Baseline(metrics = {"cpu_time", "allocated", "energy"})
    void staysWithinEnergyPerInference(PerfContext perf) {
        double[] x = ref.test().inputs()[1];

        InferenceResult result = perf.measure(() -> {
            InferenceResult r = ref.snn().infer(x, ref.timingOptions());
            perf.energy(EnergyModel.davies2018().estimate(r.counts(), chip).totalJoules());
            return r;
        });

        EnergyReport energy = EnergyModel.davies2018().estimate(result.counts(), chip);
        perf.metric("synaptic_ops", energy.synapticOps(), Direction.LOWER_IS_BETTER);
        perf.metric("mac_accelerator_uj", EnergyModel.macAcceleratorJoules(ref.ann().macsPerInference()) * 1e6, "µJ",
                Direction.LOWER_IS_BETTER);
    }

    /**
     * Throughput in images per second on a batch of 32. The document gives no number; 40 images/s
     * (one image per 25 ms, the latency target) is asserted. The simulator does ~2,000/s.
     */
    @Test
    @Performance(iterations = 10)
    @MinThroughput(value = 40, counter = "images")
    // accuracy is a deterministic function of the seeds: a drop of 1 point fails
    @Baseline(metrics = {"cpu_time", "allocated", "accuracy"})
    void infersImagesAtTargetThroughput(PerfContext perf) {
        double[][] batch = Arrays.copyOf(ref.test().inputs(), 32);

        BatchResult result = perf.measure(() -> ref.snn().inferBatch(batch, ref.timingOptions()));

        perf.counter("images", batch.length);
        perf.metric("accuracy", result.accuracy(Arrays.copyOf(ref.test().labels(), 32)), Direction.HIGHER_IS_BETTER);
    }

    /**
     * Hardware: the same inference on a real Loihi. Skipped here with the probe's reason
     * ({@code $NXSDK_ROOT} / {@code /dev/loihi0} absent); where a board exists the test aborts,
     * because this repository ships no NxSDK client.
     */
    @Test
    @Performance
    @RequiresHardware("loihi")
    @MaxDuration(value = 25, unit = TimeUnit.MILLISECONDS)
    void infersOnLoihiHardware() {
        Assumptions.abort("no NxSDK client in this repository: run the converted network on the board here");
    }
}
