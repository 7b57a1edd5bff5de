package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("A ReLU MLP trained with SGD and converted to spikes")
class ConversionTests {
    private static ReferenceNetwork net;

    @BeforeAll
    static void train() {
        net = ReferenceNetworks.trained(12, 1000, 32); // 144-32-10: small enough for a unit test
    }

    @Test
    void trainingReachesARealAccuracyOnHeldOutData() {
        assertThat(net.ann().accuracy(net.test())).isGreaterThan(0.75);
        assertThat(Mlp.random(3, 144, 32, 10).accuracy(net.test())).isLessThan(0.3);
    }

    @Test
    void eightBitWeightsLoseAtMostOnePercentAccuracy() {
        Mlp q = new WeightQuantizer(8).quantize(net.ann());
        assertThat(net.ann().accuracy(net.test()) - q.accuracy(net.test())).isLessThanOrEqualTo(0.01);
    }

    @ParameterizedTest
    @EnumSource(InputEncoding.class)
    void convertedNetworkAgreesWithTheAnnOnAtLeast95PercentAtT256(InputEncoding encoding) {
        for (Precision p : Precision.values()) {
            BatchResult r = net.snn().inferBatch(net.test().inputs(), SimulationOptions.of(256, encoding, p, 5));
            assertThat(r.agreement(net.annPredictions())).as("%s %s", encoding, p).isGreaterThanOrEqualTo(0.95);
        }
    }

    @Test
    void sameSeedGivesTheSameRasterAndAnotherSeedDoesNot() {
        double[] x = net.test().inputs()[0];
        SimulationOptions o = SimulationOptions.of(64, InputEncoding.RATE, Precision.FIXED, 9).withRaster();
        SpikeRaster a = net.snn().infer(x, o).raster().orElseThrow();
        SpikeRaster b = net.snn().infer(x, o).raster().orElseThrow();
        SpikeRaster c = net.snn().infer(x, o.withSeed(10)).raster().orElseThrow();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(a.spikeCount(1)).isPositive();
    }

    @Test
    void synapticOpsEqualDeliveredSpikesTimesFanOut() {
        SimulationOptions o = SimulationOptions.of(40, InputEncoding.RATE, Precision.FLOAT, 3);
        ActivityCounts c = net.snn().infer(net.test().inputs()[1], o).counts();
        int[] sizes = c.sizes();
        long expected = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            for (int t = 0; t < o.timeSteps() - 1; t++) { // last step's spikes arrive after the window
                expected += c.spikesAtStep(l, t) * sizes[l + 1];
            }
        }
        assertThat(c.synapticOps()).isEqualTo(expected).isPositive();
        assertThat(c.activeNeuronUpdates() + c.inactiveNeuronUpdates()).isEqualTo(40L * (32 + 10));
    }

    @Test
    void aBatchEqualsItsInputsRunOneByOne() {
        double[][] xs = java.util.Arrays.copyOf(net.test().inputs(), 5);
        SimulationOptions o = SimulationOptions.of(32, InputEncoding.RATE, Precision.FIXED, 100);
        BatchResult batch = net.snn().inferBatch(xs, o);
        long synops = 0;
        for (int k = 0; k < xs.length; k++) {
            InferenceResult one = net.snn().infer(xs[k], o.withSeed(100 + k));
            assertThat(batch.predictions()[k]).isEqualTo(one.prediction());
            synops += one.counts().synapticOps();
        }
        assertThat(batch.counts().synapticOps()).isEqualTo(synops);
        assertThat(batch.counts().inferences()).isEqualTo(5);
    }
}
