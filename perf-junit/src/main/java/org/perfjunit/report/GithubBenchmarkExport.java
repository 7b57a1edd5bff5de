package org.perfjunit.report;

import org.perfjunit.model.UnitFormat;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.IOException;

/**
 * Exports for github-action-benchmark's {@code customSmallerIsBetter} and {@code customBiggerIsBetter}
 * tools: {@code [{"name", "unit", "value", "range"?, "extra"?}]}. Each metric goes to the file of its
 * {@link Direction}, so time, memory and energy are "smaller is better" and throughput and
 * higher-is-better user metrics are "bigger is better". Per-phase metrics are left out (they would
 * multiply the charts without adding a verdict).
 */
public final class GithubBenchmarkExport {

    /** File for lower-is-better metrics. */
    public static final String SMALLER_IS_BETTER_FILE = "github-benchmark-smaller-is-better.json";
    /** File for higher-is-better metrics. */
    public static final String BIGGER_IS_BETTER_FILE = "github-benchmark-bigger-is-better.json";

    private GithubBenchmarkExport() {
    }

    /** The JSON array for metrics of {@code direction}. */
    public static String render(RunResults run, Direction direction) throws IOException {
        ArrayNode root = ResultJson.mapper().createArrayNode();
        for (TestResult t : run.tests()) {
            for (Metric m : t.metrics().values()) {
                if (m.direction() != direction || m.name().startsWith(MetricNames.PHASE_PREFIX)) {
                    continue;
                }
                ObjectNode e = root.addObject();
                e.put("name", TestLabel.shortName(t) + " - " + m.name());
                e.put("unit", m.unit());
                e.put("value", m.value());
                if (m.summary() != null && m.summary().n() > 1) {
                    e.put("range", "± " + HistoryPoint.round(m.summary().standardDeviation()));
                    e.put("extra", "p95: " + UnitFormat.format(m.summary().p95(), m.unit()) + "\nsamples: "
                            + m.summary().n() + "\noutcome: " + t.outcome() + "\nrun: " + RunLabel.of(run));
                } else {
                    e.put("extra", "run: " + RunLabel.of(run));
                }
            }
        }
        return ResultJson.mapper().writeValueAsString(root) + "\n";
    }
}
