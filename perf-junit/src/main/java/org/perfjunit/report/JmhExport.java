package org.perfjunit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.commons.math3.distribution.TDistribution;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.Summary;
import org.perfjunit.model.TestResult;

import java.io.IOException;

/**
 * Exports time results in JMH's JSON result format ({@code -rf json}), as read by jmh-visualizer and
 * the Jenkins JMH report plugin: one entry per test, mode {@code avgt}, primary metric in
 * {@code ns/op} with JMH's 99.9% confidence error of the mean and the raw samples of one "fork";
 * allocated bytes appear as the secondary metric {@code ·gc.alloc.rate.norm} ({@code B/op}), as with
 * JMH's GC profiler. Parameterized invocations carry their display name as the {@code case} param.
 */
final class JmhExport {

    private JmhExport() {
    }

    /** The JSON array text. */
    public static String render(RunResults run) throws IOException {
        ArrayNode root = ResultJson.mapper().createArrayNode();
        for (TestResult t : run.tests()) {
            Metric time = t.metric(MetricNames.TIME);
            if (time == null) {
                continue;
            }
            ObjectNode b = root.addObject();
            b.put("jmhVersion", "1.37");
            b.put("perfJunitRun", RunLabel.of(run)); // an extra field: JMH readers ignore it
            b.put("benchmark", t.className() + "." + t.methodName());
            b.put("mode", "avgt");
            b.put("threads", t.run() == null ? 1 : Math.max(1, t.run().threads()));
            b.put("forks", 1);
            b.put("warmupIterations", t.run() == null ? 0 : t.run().warmupIterations());
            b.put("measurementIterations", time.summary() == null ? 1 : time.summary().n());
            if (TestLabel.isInvocation(t)) {
                b.putObject("params").put("case", HtmlReport.parameterLabel(t));
            }
            primary(b.putObject("primaryMetric"), time, "ns/op");
            ObjectNode secondary = b.putObject("secondaryMetrics");
            Metric allocated = t.metric(MetricNames.ALLOCATED);
            if (allocated != null) {
                primary(secondary.putObject("·gc.alloc.rate.norm"), allocated, "B/op");
            }
        }
        return ResultJson.mapper().writeValueAsString(root) + "\n";
    }

    private static void primary(ObjectNode m, Metric metric, String unit) {
        Summary s = metric.summary();
        double score = s == null ? metric.value() : s.mean();
        double error = s == null || s.n() < 2 ? Double.NaN
                : new TDistribution(null, s.n() - 1.0).inverseCumulativeProbability(0.9995)
                * s.standardDeviation() / Math.sqrt(s.n());
        m.put("score", score);
        if (Double.isFinite(error)) {
            m.put("scoreError", error);
            m.putArray("scoreConfidence").add(score - error).add(score + error);
        } else {
            m.put("scoreError", "NaN"); // what JMH itself writes for a single measurement
            m.putArray("scoreConfidence").add(score).add(score);
        }
        ObjectNode pct = m.putObject("scorePercentiles");
        if (s != null) {
            pct.put("0.0", s.min()).put("50.0", s.median()).put("90.0", s.p90()).put("95.0", s.p95())
                    .put("99.0", s.p99()).put("100.0", s.max());
        }
        m.put("scoreUnit", unit);
        ArrayNode raw = m.putArray("rawData").addArray();
        if (metric.samples() != null) {
            for (double v : metric.samples()) {
                raw.add(v);
            }
        } else {
            raw.add(metric.value());
        }
    }
}
