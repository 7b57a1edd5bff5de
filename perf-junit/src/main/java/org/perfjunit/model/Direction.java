package org.perfjunit.model;

/**
 * Which way a metric improves. Time, memory and energy are {@link #LOWER_IS_BETTER};
 * throughput and accuracy are {@link #HIGHER_IS_BETTER}. Baseline comparison, reports and
 * interop exports use it to tell a regression from an improvement.
 */
public enum Direction {
    LOWER_IS_BETTER,
    HIGHER_IS_BETTER;

    /** True when {@code current} is worse than {@code reference} in this direction. */
    public boolean isWorse(double current, double reference) {
        return this == LOWER_IS_BETTER ? current > reference : current < reference;
    }
}
