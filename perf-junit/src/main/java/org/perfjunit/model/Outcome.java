package org.perfjunit.model;

/** How a performance test ended. */
public enum Outcome {
    /** Every limit and baseline check held. */
    PASSED,
    /** A limit or a critical baseline regression failed the test. */
    FAILED,
    /** The result was too noisy to decide; see the message. */
    INCONCLUSIVE,
    /** Measured and reported, but gates were not enforced ({@code perf.junit.mode=report_only}). */
    REPORTED,
    /** The test threw; nothing was measured or the measurement was discarded. */
    ERROR,
    /** Not run (missing hardware, no energy meter, disabled). */
    SKIPPED
}
