package org.perfjunit.examples.photonic;

import org.perfjunit.Baseline;
import org.perfjunit.MaxDuration;
import org.perfjunit.MinThroughput;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;
import org.perfjunit.sim.photonic.CompiledNetwork;
import org.perfjunit.sim.photonic.Linear;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.PhotonicCompiler;
import org.perfjunit.sim.photonic.PhotonicSimulator;
import org.perfjunit.sim.photonic.TargetConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * photon-mlir-bridge, category 3 "Python Binding Performance", ADAPTED: this is a Java library, so
 * there is no Python-to-C++ boundary. The three benchmarks keep their intent on the Java API:
 * API call overhead (one call into the simulated chip, target &lt; 1 ms, asserted as is at p95),
 * memory transfer (inputs into the chip and results back, as bytes/s) and serialization
 * (model export and import round trip).
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=PhotonicApiOverheadTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
// Compared with the committed baselines: CPU time and allocation, which load barely moves (module README, "Baselines")
@Baseline(metrics = {"cpu_time", "allocated"})
class PhotonicApiOverheadTest {

    private final CompiledNetwork tiny = new PhotonicCompiler(TargetConfig.defaults().withMeshSize(8))
            .compile(Network.mlp(9, 8, 8));

    /** API call overhead: target &lt; 1 ms per call; asserted at p95 (a call takes a few µs). */
    @PhotonicBenchmark
    @Performance(maxWarmupTime = "2s", maxTime = "2s")
    @MaxDuration(value = 1, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
    // ~700 B per call, of which 64 B come and go with the JIT (696-760 B seen): allocation critical at 25%
    @Baseline(metrics = {"cpu_time", "allocated"}, critical = "allocated=25%")
    void callsTheChipWithLowOverhead(PerfContext perf) {
        double[] y = perf.measure(() -> PhotonicSimulator.lossless(tiny).infer(new double[] {1, 0, 0, 0, 0, 0, 0, 1}));
        assertThat(y).hasSize(8);
    }

    /**
     * Memory transfer: 128 inputs of 784 doubles encoded into the chip's optical fields of the
     * first layer and the detected outputs read back. The rate is in bytes/s; the limit
     * (10 MB/s) only guards against pathological copying.
     */
    @PhotonicBenchmark
    @Performance(iterations = 10, maxWarmupTime = "2s", maxTime = "4s")
    @MinThroughput(value = 10_000_000, counter = "bytes")
    void transfersInputsIntoTheChipAndResultsBack(PerfContext perf) {
        CompiledNetwork compiled = new PhotonicCompiler(TargetConfig.defaults()).compile(Network.mlp(4, 784, 16));
        PhotonicSimulator chip = PhotonicSimulator.lossless(compiled);
        double[][] batch = PhotonicCompilationTest.inputs(128, 784);

        double sum = perf.measure(() -> {
            double s = 0;
            for (double[] x : batch) {
                s += chip.propagate(0, x).re()[0];
            }
            return s;
        });

        perf.counter("bytes", 128.0 * (784 + 16) * Double.BYTES);
        assertThat(sum).isFinite();
    }

    /** Serialization: export the small model's weights and import them again; target-free, asserted &lt; 200 ms. */
    @PhotonicBenchmark
    @Performance(iterations = 10, maxWarmupTime = "2s", maxTime = "4s")
    @MaxDuration(value = 200, unit = TimeUnit.MILLISECONDS)
    void exportsAndImportsTheModel(PerfContext perf) {
        Network small = Network.small(42);

        List<Linear> imported = perf.measure(() -> importLayers(exportLayers(small)));

        perf.counter("weights", small.macs());
        assertThat(imported).isEqualTo(small.linearLayers());
    }

    private static byte[] exportLayers(Network network) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(network.linearLayers().size());
            for (Linear layer : network.linearLayers()) {
                out.writeInt(layer.inputs());
                out.writeInt(layer.outputs());
                for (double w : layer.weights()) {
                    out.writeDouble(w);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<Linear> importLayers(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            List<Linear> layers = new ArrayList<>(count);
            for (int l = 0; l < count; l++) {
                int inputs = in.readInt();
                int outputs = in.readInt();
                double[] w = new double[inputs * outputs];
                for (int i = 0; i < w.length; i++) {
                    w[i] = in.readDouble();
                }
                layers.add(new Linear(inputs, outputs, w));
            }
            return layers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
