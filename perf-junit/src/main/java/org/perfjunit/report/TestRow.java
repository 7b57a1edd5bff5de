package org.perfjunit.report;

import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.model.Printable;

/**
 * The formatted summary columns of one test, shared by the console, Markdown and HTML tables.
 *
 * @param verdict    outcome word
 * @param name       short test name
 * @param median     median time per operation
 * @param p95        95th percentile time per operation
 * @param allocated  bytes allocated per operation
 * @param throughput operations per second
 * @param energy     energy per operation
 * @param change     baseline change, e.g. {@code +12.3% warning}
 */
record TestRow(String verdict, String name, String median, String p95, String allocated, String throughput,
               String energy, String change) {

    /** Column titles, in order. */
    static final String[] HEADERS = {"Verdict", "Test", "Median", "p95", "Alloc/op", "Throughput", "Energy",
        "vs baseline"};

    static TestRow of(TestResult t) {
        Metric time = t.metric(MetricNames.TIME);
        String median = time == null ? "" : UnitFormat.format(time.value(), time.unit());
        String p95 = time == null || time.summary() == null ? "" : UnitFormat.format(time.summary().p95(), time.unit());
        return new TestRow(TestLabel.verdict(t), Printable.escape(TestLabel.shortName(t)), median, p95,
                value(t, MetricNames.ALLOCATED), value(t, MetricNames.THROUGHPUT), value(t, MetricNames.ENERGY),
                TestLabel.baselineChange(t));
    }

    private static String value(TestResult t, String name) {
        Metric m = t.metric(name);
        return m == null ? "" : UnitFormat.format(m.value(), m.unit());
    }

    String[] cells() {
        return new String[] {verdict, name, median, p95, allocated, throughput, energy, change};
    }
}
