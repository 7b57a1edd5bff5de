package org.perfjunit.extension;

import org.perfjunit.verdict.NoiseAction;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.perfjunit.model.TestResult;

/** What an {@link org.perfjunit.model.Outcome#INCONCLUSIVE} result does to the test, per {@link NoiseAction}. */
final class NoiseReaction {

    private NoiseReaction() {
    }

    /** {@code fail}: an assertion failure; otherwise (abort, or retry that did not help): an abort with the reason. */
    static void raise(TestResult result, NoiseAction action) {
        if (action == NoiseAction.FAIL) {
            throw new AssertionFailedError(result.message());
        }
        throw new TestAbortedException(result.message());
    }
}
