package org.perfjunit.sim.spiking;

/**
 * Outcome of {@link SpikingMlp#inferBatch}.
 *
 * @param predictions one prediction per input
 * @param counts      activity summed over the batch ({@link ActivityCounts#inferences()} = batch size)
 */
public record BatchResult(int[] predictions, ActivityCounts counts) {
    /** @param labels true classes @return fraction of correct predictions */
    public double accuracy(int[] labels) {
        return agreement(labels);
    }

    /** @param other predictions of another model on the same inputs @return fraction that agree */
    public double agreement(int[] other) {
        int same = 0;
        for (int k = 0; k < predictions.length; k++) {
            same += predictions[k] == other[k] ? 1 : 0;
        }
        return same / (double) predictions.length;
    }
}
