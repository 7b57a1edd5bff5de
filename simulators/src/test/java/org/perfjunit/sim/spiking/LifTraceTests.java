package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Traces hand-computed from Lava's LIF process models (float: u = u(1-du) + a; v = v(1-dv) + u + bias;
 * bit-accurate: 12-bit decays with ds_offset 1, activation and threshold shifted by 6 bits).
 */
@DisplayName("Loihi LIF neurons reproduce Lava's update equations")
class LifTraceTests {

    @Test
    void floatNeuronWithBiasOnlyChargesLinearlyAndResetsToZero() {
        LifFloat lif = new LifFloat(1, 0, 0, 1.0, 3.5);
        boolean[] s = new boolean[1];
        double[] v = new double[8];
        boolean[] spikes = new boolean[8];
        for (int t = 0; t < 8; t++) {
            lif.step(new double[] {0}, s);
            v[t] = lif.voltage(0);
            spikes[t] = s[0];
        }
        assertThat(v).containsExactly(1, 2, 3, 0, 1, 2, 3, 0);
        assertThat(spikes).containsExactly(false, false, false, true, false, false, false, true);
    }

    @Test
    void floatNeuronDecaysCurrentThenVoltageInLavasOrder() {
        LifFloat lif = new LifFloat(1, 0.5, 0.25, 0, 2.0);
        boolean[] s = new boolean[1];
        double[] u = new double[4];
        double[] v = new double[4];
        boolean[] spikes = new boolean[4];
        for (int t = 0; t < 4; t++) {
            lif.step(new double[] {1.0}, s);
            u[t] = lif.current(0);
            v[t] = lif.voltage(0);
            spikes[t] = s[0];
        }
        assertThat(u).containsExactly(1.0, 1.5, 1.75, 1.875);
        assertThat(v).containsExactly(1.0, 0.0, 1.75, 0.0); // 2.25 and 3.1875 crossed vth = 2
        assertThat(spikes).containsExactly(false, true, false, true);
    }

    @Test
    void bitAccurateNeuronUsesTwelveBitDecaysAndSixBitShifts() {
        LifFixed lif = new LifFixed(1, 2048, 1024, 0, 0, 20);
        boolean[] s = new boolean[1];
        int[] u = new int[4];
        int[] v = new int[4];
        boolean[] spikes = new boolean[4];
        for (int t = 0; t < 4; t++) {
            lif.step(new int[] {10}, s);
            u[t] = lif.current(0);
            v[t] = lif.voltage(0);
            spikes[t] = s[0];
        }
        // u: 640; 640*2047>>12 = 319, +640 = 959; 959*2047>>12 = 479, +640 = 1119; 1119*2047>>12 = 559, +640 = 1199
        assertThat(u).containsExactly(640, 959, 1119, 1199);
        // v: 640; 480 + 959 = 1439 > 1280 -> 0; 0 + 1119; 839 + 1199 = 2038 > 1280 -> 0
        assertThat(v).containsExactly(640, 0, 1119, 0);
        assertThat(spikes).containsExactly(false, true, false, true);
        assertThat(lif.effectiveThreshold()).isEqualTo(20 << 6);
    }

    @Test
    void bitAccurateDecayRoundsTowardZeroForNegativeStates() {
        LifFixed lif = new LifFixed(1, 2048, 4095, 0, 0, 100);
        boolean[] s = new boolean[1];
        lif.step(new int[] {-10}, s);
        lif.step(new int[] {0}, s);
        assertThat(lif.current(0)).isEqualTo(-319); // -(640*2047 >> 12), not floor(-319.84) = -320
    }

    @Test
    void biasMantissaIsScaledByItsExponentInBothDirections() {
        assertThat(new LifFixed(1, 0, 0, 3, 2, 1).effectiveBias()).isEqualTo(12);
        assertThat(new LifFixed(1, 0, 0, 12, -2, 1).effectiveBias()).isEqualTo(3);
        LifFixed lif = new LifFixed(1, 4095, 0, 3, 6, 1); // 192 per step, threshold 64
        boolean[] s = new boolean[1];
        lif.step(new int[] {0}, s);
        assertThat(s[0]).isTrue();
        assertThat(lif.voltage(0)).isZero();
    }

    @Test
    void denseSynapsesDeliverSpikesOneStepLater() {
        DenseFloat dense = new DenseFloat(new double[][] {{2.0, 0.5}});
        assertThat(dense.step(new boolean[] {true, true})).containsExactly(0.0);
        assertThat(dense.step(new boolean[] {false, false})).containsExactly(2.5);
        assertThat(dense.step(new boolean[] {false, false})).containsExactly(0.0);
        assertThat(dense.synapticOps()).isEqualTo(2);
    }

    @Test
    void fixedDenseSynapsesTruncateToEightBitMantissaAndApplyTheExponent() {
        assertThat(DenseFixed.effectiveWeight(255, 0)).isEqualTo(254);
        assertThat(DenseFixed.effectiveWeight(7, 1)).isEqualTo(12);
        assertThat(DenseFixed.effectiveWeight(-300, 0)).isEqualTo(-256);
        DenseFixed dense = new DenseFixed(new int[][] {{10}}, 0);
        LifFixed lif = new LifFixed(1, 4095, 0, 0, 0, 15);
        boolean[] s = new boolean[1];
        int spikes = 0;
        for (int t = 0; t < 4; t++) {
            spikes += lif.step(dense.step(new boolean[] {true}), s);
        }
        // 640 per step from t = 1: v = 640, 1280 > 960 -> spike, 640, ... = 1 spike in 4 steps
        assertThat(spikes).isEqualTo(1);
    }
}
