package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The chip model maps networks and prices their activity")
class ChipEnergyTests {
    private static final double PJ = 1e-12;

    /** 2 inputs -> 2 neurons; input 0 always spikes (x = 1), input 1 never; w(0->0) = 0.6, w(0->1) = 0.3. */
    private static SpikingMlp tiny() {
        return new SpikingMlp(new int[] {2, 2}, new double[][] {{0.6, 0.3, 0, 0}}, new double[][] {{0, 0}},
                new int[][] {{6, 3, 0, 0}}, new int[][] {{0, 0}}, new int[] {10}, 0);
    }

    private static ActivityCounts run(SpikingMlp net) {
        return net.infer(new double[] {1, 0}, SimulationOptions.of(4, InputEncoding.RATE, Precision.FLOAT, 1)).counts();
    }

    @Test
    void energyOfAHandBuiltNetworkEqualsTheClosedForm() {
        ActivityCounts c = run(tiny());
        // steps 0..3: input 0 spikes 4 times; its spikes of steps 0..2 arrive at steps 1..3 (one-step delay)
        assertThat(c.spikes(0)).isEqualTo(4);
        assertThat(c.synapticOps()).isEqualTo(6);          // 3 delivered spikes x fan-out 2
        assertThat(c.activeNeuronUpdates()).isEqualTo(6);  // steps 1..3, both neurons receive current
        assertThat(c.inactiveNeuronUpdates()).isEqualTo(2); // step 0: nothing arrived yet
        assertThat(c.spikes(1)).isEqualTo(1);              // neuron 0: 0.6, 1.2 -> spike, 0.8
        ChipMapping m = new LoihiCompiler().compile(tiny(), ChipConfig.loihi());
        assertThat(m.coresUsed()).isEqualTo(2);
        assertThat(m.chipsUsed()).isEqualTo(1);
        EnergyReport e = EnergyModel.davies2018().estimate(c, m);
        // both cores share tile 0: 4 messages, no hops
        double expected = (6 * 23.6 + 6 * 81 + 2 * 52 + 4 * 1.7) * PJ;
        assertThat(e.totalJoules()).isCloseTo(expected, within(1e-20));
        assertThat(e.tileHops()).isZero();
        // latency: per step max core time (2 neurons x 8.4 ns + delivered spikes x 2 x 3.5 ns) + 2.1 ns spike + 113 ns barrier
        double ns = 16.8 + 3 * (16.8 + 7.0) + 4 * (2.1 + 113);
        assertThat(e.latencySeconds()).isCloseTo(ns * 1e-9, within(1e-15));
    }

    @Test
    void spikesCrossingChipsPayForTileAndChipHops() {
        ChipConfig oneCorePerTile = new ChipConfig(1, 1, 2, 2, 1L << 20, 8, 4); // 2 tiles in a row per chip
        ChipMapping m = new LoihiCompiler().compile(tiny(), oneCorePerTile);
        assertThat(m.coresUsed()).isEqualTo(4);
        assertThat(m.chipsUsed()).isEqualTo(2);
        ActivityCounts c = run(tiny());
        EnergyReport e = EnergyModel.davies2018().estimate(c, m);
        // each of the 4 input spikes (core 0, chip 0) goes to cores 2 (tile 0, chip 1) and 3 (tile 1, chip 1)
        assertThat(m.routing(c)).containsExactly(8, 4, 0, 8);
        double expected = (6 * 23.6 + 6 * 81 + 2 * 52 + 8 * 1.7 + 4 * 3.0 + 8 * 40.0) * PJ;
        assertThat(e.totalJoules()).isCloseTo(expected, within(1e-20));
    }

    @Test
    void layersArePartitionedByCompartmentsAndBySynapticMemory() {
        SpikingMlp net = ReferenceNetworks.untrained(1, 784, 512, 10);
        ChipMapping m = new LoihiCompiler().compile(net, ChipConfig.loihi());
        // 784 inputs x 8 bit = 6272 bits per neuron: 167 neurons fit 1 Mibit, so 512 neurons need 4 cores
        assertThat(m.coresOfLayer(0)).isEqualTo(1);
        assertThat(m.coresOfLayer(1)).isEqualTo(4);
        assertThat(m.maxNeuronsPerCore(1)).isEqualTo(128);
        assertThat(m.synapticMemoryBits()).isEqualTo(net.synapseCount() * 8);
        assertThat(m.synapseTable(1, 1)).hasSize(784 * 128);
        ChipMapping small = new LoihiCompiler().compile(net, ChipConfig.loihi().withNeuronsPerCore(16).withTiles(4, 2));
        assertThat(small.coresOfLayer(1)).isEqualTo(32);
        assertThat(small.chipsUsed()).isEqualTo(6); // 49 + 32 + 1 = 82 cores on 16-core chips
    }

    @Test
    void aNetworkTooLargeForTheChipsIsRejectedWithTheNumbers() {
        SpikingMlp net = ReferenceNetworks.untrained(1, 64, 64, 10);
        ChipConfig twoTinyChips = new ChipConfig(8, 1, 2, 2, 1L << 20, 8, 2);
        assertThatThrownBy(() -> new LoihiCompiler().compile(net, twoTinyChips))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Network needs [18] cores but [2] chips hold only [4]");
    }

    @Test
    void macAcceleratorComparisonUsesHorowitzFigures() {
        assertThat(EnergyModel.macAcceleratorJoules(784 * 128 + 128 * 10)).isCloseTo(101_632 * 4.6 * PJ, within(1e-18));
        assertThat(EnergyModel.accumulateJoules(1000)).isCloseTo(900 * PJ, within(1e-18));
    }
}
