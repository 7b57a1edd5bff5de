package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.result.Metric;
import org.perfjunit.result.TestResult;
import org.perfjunit.result.UnitFormat;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishes a test's metrics as JUnit report entries, so IDE consoles and Surefire XML show them
 * ({@code perf.time = median 1.23 ms, p95 1.41 ms, n=40}).
 */
final class ResultPublisher {

    private ResultPublisher() {
    }

    static void publish(ExtensionContext context, PerfConfiguration config, TestResult result) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perf.outcome", result.outcome().name().toLowerCase(java.util.Locale.ROOT)
                + (result.message() == null ? "" : ": " + result.message()));
        for (Metric metric : result.metrics().values()) {
            entries.put("perf." + metric.name(), describe(metric));
        }
        entries.put("perf.run", "samples=" + result.run().samples() + ", batch=" + result.run().batchSize()
                + ", warmup=" + result.run().warmupIterations() + (result.run().steadyState() ? "" : " (no steady state)")
                + ", stop=" + result.run().stopReason());
        context.publishReportEntry(entries);
    }

    static String describe(Metric metric) {
        if (metric.summary() == null) {
            return UnitFormat.format(metric.value(), metric.unit());
        }
        var s = metric.summary();
        return "median " + UnitFormat.format(s.median(), metric.unit()) + ", p95 " + UnitFormat.format(s.p95(), metric.unit())
                + ", n=" + s.n();
    }
}
