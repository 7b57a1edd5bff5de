package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.report.ReportSettings;
import org.perfjunit.settings.ReportConfiguration;
import org.perfjunit.report.ResultsCommit;
import org.perfjunit.report.ResultsNotWrittenException;
import org.perfjunit.model.Printable;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Publishes a test's metrics as JUnit report entries ({@code perf.time = median 1.23 ms, p95 1.41 ms, n=40})
 * for IDEs and launcher listeners, and as one line on standard output, because Surefire does not
 * copy report entries into its XML or console (junit-framework#1161) but does capture stdout.
 */
final class ResultPublisher {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ResultPublisher.class);

    private ResultPublisher() {
    }

    static void publish(ExtensionContext context, Path reportDir, TestResult result) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("perf.outcome", result.outcome().name().toLowerCase(Locale.ROOT)
                + (result.message() == null ? "" : ": " + Printable.escape(result.message())));
        for (Metric metric : result.metrics().values()) {
            entries.put("perf." + metric.name(), describe(metric));
        }
        var run = result.run();
        entries.put("perf.run", run.samples() == 0 ? "not measured" : "samples=" + run.samples() + ", batch="
                + run.batchSize() + ", warmup=" + run.warmupIterations() + (run.steadyState() ? "" : " (no steady state)")
                + ", stop=" + run.stopReason() + (run.forked() ? ", forked" : "")
                + (run.heapTransient() ? ", heap-transient" : ""));
        // the root store is closed when the engine's run ends: the commit writes perf-results.json then
        ResultsCommit commit = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ResultsCommit.class,
                k -> new ResultsCommit(ReportConfiguration.from(context::getConfigurationParameter)),
                ResultsCommit.class);
        try {
            Path file = ResultFiles.write(reportDir, result);
            entries.put(ResultFiles.REPORT_ENTRY_KEY, file.toString());
            commit.add(file);
        } catch (IOException | RuntimeException e) {
            if (commit.required()) {
                throw new ResultsNotWrittenException(reportDir.resolve(ResultFiles.RESULTS_DIR), "the result of "
                        + result.id() + " (" + result.outcome() + (result.message() == null ? "" : ": " + result.message())
                        + ") could not be saved (" + e + "), and " + ReportSettings.REQUIRED_PROPERTY_NAME
                        + " is true (CI=true sets it)", e);
            }
            // the verdict stands without a report; say why the report will miss this test
            System.err.println("[perf-junit] WARNING: could not write the result of " + result.id() + " under "
                    + reportDir + ": " + e);
        }
        context.publishReportEntry(entries);
        System.out.println(summaryLine(result));
    }

    /** {@code [perf-junit] Class#method(): median 6.1 ms, p95 6.8 ms, allocated 391 KiB/op, 163 ops/s (40 samples) -> passed} */
    static String summaryLine(TestResult result) {
        StringBuilder line = new StringBuilder("[perf-junit] ").append(Printable.escape(result.id())).append(": ");
        Metric time = result.metric(MetricNames.TIME);
        if (time == null || time.summary() == null) {
            return line.append("not measured -> ").append(result.outcome().name().toLowerCase(Locale.ROOT))
                    .append(result.message() == null ? "" : ": " + Printable.escape(result.message())).toString();
        }
        line.append("median ").append(UnitFormat.nanos(time.summary().median()))
                .append(", p95 ").append(UnitFormat.nanos(time.summary().p95()));
        Metric alloc = result.metric(MetricNames.ALLOCATED);
        if (alloc != null) {
            line.append(", allocated ").append(UnitFormat.bytes(alloc.value())).append("/op");
        }
        Metric throughput = result.metric(MetricNames.THROUGHPUT);
        if (throughput != null) {
            line.append(", ").append(UnitFormat.rate(throughput.value(), "ops/s"));
        }
        Metric energy = result.metric(MetricNames.ENERGY);
        if (energy != null) {
            line.append(", energy ").append(UnitFormat.joules(energy.value())).append("/op");
        }
        for (var c : result.comparisons()) {
            if (c.metric().equals(MetricNames.TIME)) {
                line.append(", baseline ").append(c.level().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                if (c.ratio() != null) {
                    line.append(String.format(Locale.ROOT, " %+.1f%%", (c.ratio() - 1) * 100));
                }
            }
        }
        line.append(" (").append(result.run().samples()).append(" samples")
                .append(result.run().steadyState() ? "" : ", no steady state")
                .append(result.run().heapTransient()
                        ? ", heap-transient: the heap had not settled (resized by the GC, or not yet allocated through)" : "")
                .append(") -> ")
                .append(result.outcome().name().toLowerCase(Locale.ROOT));
        if (result.message() != null) {
            line.append(": ").append(Printable.escape(result.message()));
        }
        return line.toString();
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
