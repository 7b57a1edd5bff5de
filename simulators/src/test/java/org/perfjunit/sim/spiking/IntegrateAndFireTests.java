package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The converted network's neuron: non-leaky integrate-and-fire with reset by subtraction. */
class IntegrateAndFireTests {

    /** One neuron with zero weight and bias {@code a}: a constant input current a every step. */
    private static SpikingMlp single(double a, int fixedBias, int fixedThreshold) {
        return new SpikingMlp(new int[] {1, 1}, new double[][] {{0}}, new double[][] {{a}},
                new int[][] {{0}}, new int[][] {{fixedBias}}, new int[] {fixedThreshold}, 0);
    }

    @ParameterizedTest(name = "a = {0}, T = {1}")
    @CsvSource({"0.5, 4", "0.375, 64", "0.8125, 256", "1.0, 10", "0.0, 32", "0.015625, 100"})
    void floatNeuronWithConstantInputFiresFloorOfTTimesA(double a, int steps) {
        InferenceResult r = single(a, 0, 1).infer(new double[] {0},
                SimulationOptions.of(steps, InputEncoding.DIRECT, Precision.FLOAT, 0));
        assertThat(r.counts().spikes(1)).isEqualTo((long) Math.floor(steps * a));
    }

    @ParameterizedTest(name = "a = {0}/{1}, T = {2}")
    @CsvSource({"1, 3, 100", "7, 10, 256", "99, 100, 64", "5, 640, 1000", "640, 640, 17"})
    void fixedNeuronWithConstantInputFiresFloorOfTTimesA(int bias, int threshold, int steps) {
        InferenceResult r = single(0, bias, threshold).infer(new double[] {0},
                SimulationOptions.of(steps, InputEncoding.RATE, Precision.FIXED, 0));
        assertThat(r.counts().spikes(1)).isEqualTo((long) steps * bias / threshold);
    }
}
