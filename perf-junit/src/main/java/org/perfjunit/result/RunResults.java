package org.perfjunit.result;

import java.time.Instant;
import java.util.List;

/**
 * The content of {@code perf-results.json}: one run of a suite.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written by this version
 * @param runId          unique id of the run
 * @param started        first test start
 * @param finished       when the report was written
 * @param environment    where it ran
 * @param tests          one record per performance test
 */
public record RunResults(int schemaVersion, String runId, Instant started, Instant finished, Environment environment,
                         List<TestResult> tests) {

    /** Schema version written by this perf-junit. Readers reject newer versions with a clear error. */
    public static final int SCHEMA_VERSION = 1;

    public RunResults {
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
