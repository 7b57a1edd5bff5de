package org.perfjunit.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything perf-junit knows about one performance test invocation: what was measured, how,
 * what was checked, and the outcome. One record per test in {@code perf-results.json}.
 *
 * @param id           stable identity across runs: {@code fully.qualified.Class#method(ParamTypes)[index]}
 * @param className    fully qualified test class (outermost class for nested tests, see {@code id})
 * @param methodName   test method name
 * @param displayName  JUnit display name
 * @param tags         JUnit tags
 * @param timestamp    when the measurement finished
 * @param metrics      metrics by name, in a stable order
 * @param run          how it was measured
 * @param checks       limit checks
 * @param comparisons  baseline comparisons
 * @param outcome      how it ended
 * @param message      failure, skip or inconclusive reason; null when passed
 */
public record TestResult(String id, String className, String methodName, String displayName, List<String> tags,
                         Instant timestamp, Map<String, Metric> metrics, RunInfo run, List<Check> checks,
                         List<Comparison> comparisons, Outcome outcome, String message) {

    public TestResult {
        tags = tags == null ? List.of() : List.copyOf(tags);
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        checks = checks == null ? List.of() : List.copyOf(checks);
        comparisons = comparisons == null ? List.of() : List.copyOf(comparisons);
    }

    /** The metric of that name, or null. */
    public Metric metric(String name) {
        return metrics.get(name);
    }

    public TestResult withMetrics(Map<String, Metric> newMetrics) {
        return new TestResult(id, className, methodName, displayName, tags, timestamp, newMetrics, run, checks,
                comparisons, outcome, message);
    }

    public TestResult withRun(RunInfo newRun) {
        return new TestResult(id, className, methodName, displayName, tags, timestamp, metrics, newRun, checks,
                comparisons, outcome, message);
    }

    public TestResult withComparisons(List<Comparison> newComparisons) {
        return new TestResult(id, className, methodName, displayName, tags, timestamp, metrics, run, checks,
                newComparisons, outcome, message);
    }

    /** The outcome and its message (null when passed) change together. */
    public TestResult withOutcome(Outcome newOutcome, String newMessage) {
        return new TestResult(id, className, methodName, displayName, tags, timestamp, metrics, run, checks,
                comparisons, newOutcome, newMessage);
    }
}
