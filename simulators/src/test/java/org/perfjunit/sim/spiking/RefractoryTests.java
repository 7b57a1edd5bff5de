package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The impulse response the independent review used: one input at step 0 into a neuron whose current does
 * not decay. Without a refractory period it spikes on all 20 steps; with Loihi's refractory delay R it
 * spikes at 0, R+1, 2(R+1), … and its voltage stays 0 in between.
 */
@DisplayName("Refractory period of the LIF neurons")
class RefractoryTests {

    private static final int STEPS = 20;

    @Test
    void withoutARefractoryPeriodOneImpulseGivesASpikeEveryStep() {
        assertThat(floatSpikeTimes(0)).hasSize(STEPS);
        assertThat(fixedSpikeTimes(0)).hasSize(STEPS);
    }

    @Test
    void aRefractoryPeriodOfTwoStepsSpacesTheSpikesThreeStepsApart() {
        List<Integer> expected = List.of(0, 3, 6, 9, 12, 15, 18);
        assertThat(floatSpikeTimes(2)).isEqualTo(expected);
        assertThat(fixedSpikeTimes(2)).isEqualTo(expected);
    }

    @Test
    void theCurrentKeepsIntegratingWhileTheVoltageIsHeldAtZero() {
        LifFixed lif = new LifFixed(1, 0, 0, 0, 0, 1, 3);
        boolean[] s = new boolean[1];
        lif.step(new int[] {100}, s);
        assertThat(s[0]).isTrue();
        lif.step(new int[] {5}, s);
        assertThat(s[0]).isFalse();
        assertThat(lif.voltage(0)).isZero();
        // u = decay(6400, 1) + 5·64 = 6398 + 320
        assertThat(lif.current(0)).isEqualTo(6400 * 4095 / 4096 + 320);
    }

    @Test
    void aNegativeRefractoryPeriodIsRejected() {
        assertThatThrownBy(() -> new LifFixed(1, 0, 0, 0, 0, 1, -1)).hasMessageContaining("refractoryPeriod=-1");
        assertThatThrownBy(() -> new LifFloat(1, 0, 0, 0, 0.5, -1)).hasMessageContaining("refractoryPeriod=-1");
    }

    private static List<Integer> floatSpikeTimes(int refractory) {
        LifFloat lif = new LifFloat(1, 0, 0, 0, 0.5, refractory);
        boolean[] s = new boolean[1];
        List<Integer> times = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            lif.step(new double[] {t == 0 ? 1.0 : 0.0}, s);
            if (s[0]) {
                times.add(t);
            } else if (refractory > 0) {
                assertThat(lif.voltage(0)).isZero();
            }
        }
        return times;
    }

    private static List<Integer> fixedSpikeTimes(int refractory) {
        // vth mantissa 1 → threshold 64; the impulse puts u = 100·64, which decays by 1/4096 per step
        LifFixed lif = new LifFixed(1, 0, 0, 0, 0, 1, refractory);
        boolean[] s = new boolean[1];
        List<Integer> times = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            lif.step(new int[] {t == 0 ? 100 : 0}, s);
            if (s[0]) {
                times.add(t);
            }
        }
        return times;
    }
}
