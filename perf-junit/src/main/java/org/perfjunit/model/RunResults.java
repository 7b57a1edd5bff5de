package org.perfjunit.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * Why these results, read from a file, cannot be used, or empty: a test without an id, class,
     * method or outcome, a check or comparison without its metric or level, or a metric that is not
     * {@link Metric#defect(String) sound}. The defect's pointer names the value within the file.
     */
    public java.util.Optional<Defect> defect() {
        for (int i = 0; i < tests.size(); i++) {
            TestResult t = tests.get(i);
            String at = "/tests/" + i;
            if (t.id() == null || t.id().isBlank() || t.className() == null || t.methodName() == null
                    || t.outcome() == null) {
                return java.util.Optional.of(new Defect(at, "test " + i
                        + " needs an 'id', 'className', 'methodName' and 'outcome'"));
            }
            if (t.checks().stream().anyMatch(c -> c == null || c.metric() == null)
                    || t.comparisons().stream().anyMatch(c -> c == null || c.metric() == null || c.level() == null)) {
                return java.util.Optional.of(new Defect(at, "test [" + t.id() + "] has a check without 'metric' or a"
                        + " comparison without 'metric' and 'level'"));
            }
            for (java.util.Map.Entry<String, Metric> m : t.metrics().entrySet()) {
                String metricAt = at + "/metrics" + Defect.segment(m.getKey());
                java.util.Optional<Defect> problem = m.getValue() == null
                        ? java.util.Optional.of(new Defect("", "metric [" + m.getKey() + "] is null"))
                        : m.getValue().defect(m.getKey());
                if (problem.isPresent()) {
                    return java.util.Optional.of(new Defect(metricAt + problem.get().pointer(), "test [" + t.id() + "] "
                            + problem.get().problem()));
                }
            }
        }
        return Optional.empty();
    }
}
