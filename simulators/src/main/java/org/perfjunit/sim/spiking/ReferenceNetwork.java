package org.perfjunit.sim.spiking;

/**
 * A trained ANN, its spiking conversion, and the data they were made with.
 *
 * @param ann           the trained ReLU MLP
 * @param snn           its spiking conversion
 * @param train         training set (its first examples were the calibration set)
 * @param test          held-out test set
 * @param timingOptions the simulation options of the timing case
 */
public record ReferenceNetwork(Mlp ann, SpikingMlp snn, Dataset train, Dataset test, SimulationOptions timingOptions) {
    /** @return the ANN's predictions on the test set */
    public int[] annPredictions() {
        int[] p = new int[test.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = ann.predict(test.inputs()[k]);
        }
        return p;
    }
}
