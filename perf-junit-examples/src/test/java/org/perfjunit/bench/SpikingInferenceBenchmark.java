package org.perfjunit.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.perfjunit.sim.spiking.BatchResult;
import org.perfjunit.sim.spiking.ChipConfig;
import org.perfjunit.sim.spiking.ChipMapping;
import org.perfjunit.sim.spiking.EnergyModel;
import org.perfjunit.sim.spiking.EnergyReport;
import org.perfjunit.sim.spiking.InferenceResult;
import org.perfjunit.sim.spiking.LoihiCompiler;
import org.perfjunit.sim.spiking.ReferenceNetwork;
import org.perfjunit.sim.spiking.ReferenceNetworks;

/**
 * Spiking inference of the small reference network (784-128-10 converted, T = 32, rate coding,
 * Loihi fixed point): wall time per input on this JVM (target &lt; 25 ms), the compile step, and a
 * batch of 16. The setup prints the model's estimated Loihi energy and latency per inference
 * (target &lt; 5 mJ) and the ANN's accuracy against the SNN's.
 *
 * <p>{@code mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec -Dbench.args="SpikingInferenceBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SpikingInferenceBenchmark {
    private ReferenceNetwork ref;
    private double[][] inputs;
    private double[][] batch;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        ref = ReferenceNetworks.small();
        inputs = ref.test().inputs();
        batch = java.util.Arrays.copyOf(inputs, 16);
        BatchResult all = ref.snn().inferBatch(inputs, ref.timingOptions());
        ChipMapping mapping = new LoihiCompiler().compile(ref.snn(), ChipConfig.loihi());
        EnergyReport e = EnergyModel.davies2018().estimate(all.counts(), mapping);
        System.out.printf("%nsmall reference network: ANN accuracy %.3f, SNN accuracy %.3f, agreement %.3f (T=%d, %d test inputs)%n",
                ref.ann().accuracy(ref.test()), all.accuracy(ref.test().labels()), all.agreement(ref.annPredictions()),
                ref.timingOptions().timeSteps(), inputs.length);
        System.out.printf("estimated Loihi energy %.2f uJ/inference (synops %.0f, spikes %.0f), latency %.3f ms, %d cores; "
                        + "MAC accelerator %.2f uJ%n",
                e.totalJoules() * 1e6, e.synapticOps(), e.spikes(), e.latencySeconds() * 1e3, mapping.coresUsed(),
                EnergyModel.macAcceleratorJoules(ref.ann().macsPerInference()) * 1e6);
    }

    @Benchmark
    public InferenceResult inferOneInput() {
        double[] x = inputs[next];
        next = (next + 1) % inputs.length;
        return ref.snn().infer(x, ref.timingOptions());
    }

    @Benchmark
    public BatchResult inferBatchOf16() {
        return ref.snn().inferBatch(batch, ref.timingOptions());
    }

    @Benchmark
    public ChipMapping compileToLoihi() {
        return new LoihiCompiler().compile(ref.snn(), ChipConfig.loihi());
    }
}
