package org.perfjunit.verdict;

/**
 * What happens when the noise gate finds a result too noisy to decide a limit
 * (key {@code perf.junit.noise.action}, values in lower case).
 */
public enum NoiseAction {
    /** Re-measure once with twice the samples and time; if still undecided, abort like {@link #ABORT}. Default. */
    RETRY,
    /** Abort the test (reported as skipped) with the noise figures as the reason. */
    ABORT,
    /** Fail the test with the noise figures. */
    FAIL,
    /** No gate: limits are judged on point estimates however noisy the samples. */
    IGNORE
}
