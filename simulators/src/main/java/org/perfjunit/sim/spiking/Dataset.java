package org.perfjunit.sim.spiking;

/**
 * A labelled data set: {@code inputs[k]} has class {@code labels[k]} in [0, classes).
 * Inputs are intensities in [0, 1], as the rate encoder expects.
 *
 * @param inputs  one row per example
 * @param labels  one class per example
 * @param classes number of classes
 */
public record Dataset(double[][] inputs, int[] labels, int classes) {
    /** Checks that inputs and labels line up. */
    public Dataset {
        if (inputs.length != labels.length || inputs.length == 0) {
            throw new IllegalArgumentException("inputs [" + inputs.length + "] and labels [" + labels.length
                    + "] must have the same, positive length");
        }
    }

    /** @return number of examples */
    public int size() {
        return labels.length;
    }

    /** @return length of each input vector */
    public int inputSize() {
        return inputs[0].length;
    }

    /**
     * @param from first example (inclusive)
     * @param to   last example (exclusive)
     * @return a view-copy of a contiguous range (rows are shared, not copied)
     */
    public Dataset slice(int from, int to) {
        return new Dataset(java.util.Arrays.copyOfRange(inputs, from, to),
                java.util.Arrays.copyOfRange(labels, from, to), classes);
    }
}
