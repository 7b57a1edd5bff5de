package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The small reference network (784-128-10, T = 32, rate coding, fixed point)")
class ReferenceNetworkTests {

    @Test
    void isAccurateAgreesWithItsAnnAndStaysWithinTheEnergyBudget() {
        ReferenceNetwork ref = ReferenceNetworks.small();
        assertThat(ref.snn().sizes()).containsExactly(784, 128, 10);
        double annAccuracy = ref.ann().accuracy(ref.test());
        assertThat(annAccuracy).isGreaterThan(0.9);
        double[][] xs = java.util.Arrays.copyOf(ref.test().inputs(), 200);
        BatchResult r = ref.snn().inferBatch(xs, ref.timingOptions());
        int[] ann = java.util.Arrays.copyOf(ref.annPredictions(), 200);
        assertThat(r.agreement(ann)).isGreaterThanOrEqualTo(0.9);
        ChipMapping m = new LoihiCompiler().compile(ref.snn(), ChipConfig.loihi());
        EnergyReport e = EnergyModel.davies2018().estimate(r.counts(), m);
        assertThat(e.totalJoules()).isPositive().isLessThan(5e-3);
        assertThat(e.latencySeconds()).isPositive().isLessThan(25e-3);
        assertThat(EnergyModel.macAcceleratorJoules(ref.ann().macsPerInference())).isPositive();
    }
}
