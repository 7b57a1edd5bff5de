package org.perfjunit.engine;

/**
 * Sequential paired sampling's stopping rule: at each look (after 30, 60, 120, ... rounds), whether the
 * pairs so far already settle the verdict, so sampling can stop before its cap. The argument has the
 * layout {@link Sampler#measurePaired} returns.
 */
@FunctionalInterface
public interface PairedStop {

    /** Never stops early: every look continues, up to the cap. */
    PairedStop NEVER = pairs -> false;

    /** Whether {@code pairs} (candidate, reference, candidate CPU, reference CPU per operation) decide. */
    boolean decided(double[][] pairs);
}
