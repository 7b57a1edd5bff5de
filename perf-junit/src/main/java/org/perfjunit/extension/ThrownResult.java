package org.perfjunit.extension;

import org.opentest4j.TestAbortedException;
import org.perfjunit.engine.RunPlan;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunInfo;
import org.perfjunit.model.TestResult;

import java.time.Instant;
import java.util.List;

/**
 * The result of a performance test that threw instead of finishing its measurement: a failed
 * assertion is {@link Outcome#FAILED}, an abort {@link Outcome#SKIPPED}, anything else
 * {@link Outcome#ERROR}; with whatever was measured before, and the throwable's message. Published so
 * that reports list the test with its reason instead of leaving it out and reading "all within limits".
 */
final class ThrownResult {

    private ThrownResult() {
    }

    /** {@code measured} is the result assembled before {@code thrown}, or null when nothing was measured. */
    static TestResult of(RunPlan.Identity identity, TestResult measured, Throwable thrown) {
        Outcome outcome = thrown instanceof AssertionError ? Outcome.FAILED
                : thrown instanceof TestAbortedException ? Outcome.SKIPPED : Outcome.ERROR;
        String message = outcome == Outcome.ERROR || thrown.getMessage() == null ? thrown.toString()
                : thrown.getMessage();
        if (measured != null) {
            return measured.withComparisons(List.of()).withOutcome(outcome, message);
        }
        return new TestResult(identity.id(), identity.className(), identity.methodName(), identity.displayName(),
                identity.tags(), Instant.now(), null, new RunInfo(0, 0, false, 0, 0, 0, 0, "not measured", false, false),
                List.of(), List.of(), outcome, message);
    }
}
