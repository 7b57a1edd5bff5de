package org.perfjunit.model;

/** How one metric compares with its baseline: the level of the change. */
public enum Level {
    /** The whole confidence interval lies past the critical threshold: fails the test. */
    CRITICAL,
    /** Significantly worse, past the warning threshold but not the critical one. */
    WARNING,
    /** Within the thresholds. */
    STABLE,
    /** Significantly better past the warning threshold. */
    IMPROVEMENT,
    /** No baseline existed; the current value was recorded. */
    NEW,
    /**
     * The only baseline comes from another machine signature (CPU, JVM, GC or heap differ): its ratio is
     * shown for information and never judged.
     */
    OTHER_MACHINE,
    /** The interval straddles a threshold even after re-measuring: too noisy to decide. */
    INCONCLUSIVE
}
