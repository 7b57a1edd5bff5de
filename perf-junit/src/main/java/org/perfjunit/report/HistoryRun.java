package org.perfjunit.report;

import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the history file: the compact summary of one run (no raw samples).
 *
 * @param runId          the run's id; forks of one run share it, so their line is replaced, not duplicated
 * @param finished       when the run's report was written
 * @param gitCommit      commit measured, or null
 * @param environmentKey {@link EnvironmentKey} of the machine; trends only compare like with like
 * @param tests          per test id
 */
public record HistoryRun(String runId, Instant finished, String gitCommit, String environmentKey,
                         Map<String, HistoryPoint> tests) {

    public HistoryRun {
        tests = tests == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tests));
    }

    /** The history line of {@code run}. */
    public static HistoryRun of(RunResults run) {
        Map<String, HistoryPoint> tests = new LinkedHashMap<>();
        for (TestResult t : run.tests()) {
            tests.put(t.id(), HistoryPoint.of(t));
        }
        return new HistoryRun(run.runId(), run.finished(),
                run.environment() == null ? null : run.environment().gitCommit(),
                run.environment() == null ? null : EnvironmentKey.of(run.environment()), tests);
    }
}
