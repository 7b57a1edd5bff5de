package org.perfjunit.report;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The detail block of one test in the HTML report: message, figures and its charts. */
final class HtmlTestSection {

    /** Samples drawn per histogram; more are subsampled evenly (the bin counts keep their shape). */
    static final int MAX_SAMPLES_DRAWN = 2000;

    private HtmlTestSection() {
    }

    static void append(StringBuilder html, int index, TestResult t, List<HistoryRun> history,
                       ChangePointDetector detector) {
        TestRow row = TestRow.of(t);
        boolean open = index < 20 && TestLabel.severity(t) < 5;
        html.append("<details class=\"test\" id=\"t").append(index).append('"').append(open ? " open" : "")
                .append("><summary><span class=\"badge ").append(HtmlReport.badgeClass(row.verdict())).append("\">")
                .append(HtmlEscaper.escape(row.verdict())).append("</span> <bdi class=\"name\">")
                .append(HtmlEscaper.escape(row.name())).append("</bdi> <span class=\"muted\">")
                .append(HtmlEscaper.escape(row.median())).append("</span></summary>");
        html.append("<p class=\"id\"><bdi>").append(HtmlEscaper.escape(t.id())).append("</bdi></p>");
        if (t.message() != null && !t.message().isBlank()) {
            html.append("<p class=\"msg\">").append(HtmlEscaper.escape(t.message())).append("</p>");
        }
        html.append("<div class=\"charts\">");
        Metric time = t.metric(MetricNames.TIME);
        Comparison timeComparison = t.comparisons().stream().filter(c -> MetricNames.TIME.equals(c.metric()))
                .findFirst().orElse(null);
        if (time != null && time.samples() != null && time.samples().length > 0) {
            Double base = timeComparison == null ? null : timeComparison.baselineValue();
            figure(html, "Sample distribution", SvgChart.histogram("Distribution of time per operation",
                    subsample(time.samples()), time.unit(), time.value(), base));
        }
        baselineChart(html, t);
        phaseChart(html, t);
        trendChart(html, t, history, detector);
        html.append("</div></details>\n");
    }

    private static void baselineChart(StringBuilder html, TestResult t) {
        List<String> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String unit = null;
        for (Comparison c : t.comparisons()) {
            Metric m = t.metric(c.metric());
            if (c.baselineValue() == null || c.level() == Level.NEW
                    || c.level() == Level.OTHER_MACHINE || m == null) {
                continue;
            }
            if (unit != null && !unit.equals(m.unit())) {
                continue; // one axis per chart: only comparisons in the first metric's unit
            }
            unit = m.unit();
            labels.add(c.metric() + " " + c.statistic() + " baseline");
            classes.add("b-base");
            values.add(c.baselineValue());
            labels.add(c.metric() + " " + c.statistic() + " now " + UnitFormat.percentChange(c.ratio() == null
                    ? Double.NaN : c.ratio()));
            classes.add(c.level() == Level.CRITICAL || c.level() == Level.WARNING ? "b-bad"
                    : c.level() == Level.IMPROVEMENT ? "b-good" : "b-now");
            values.add(c.currentValue());
        }
        if (!labels.isEmpty()) {
            figure(html, "Baseline vs current", SvgChart.bars("Baseline vs current", labels,
                    values.stream().mapToDouble(Double::doubleValue).toArray(), classes, unit));
        }
    }

    private static void phaseChart(StringBuilder html, TestResult t) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        String unit = "ns";
        for (Map.Entry<String, Metric> e : t.metrics().entrySet()) {
            if (e.getKey().startsWith(MetricNames.PHASE_PREFIX) && labels.size() < 12) {
                labels.add(e.getKey().substring(MetricNames.PHASE_PREFIX.length()));
                values.add(e.getValue().value());
                unit = e.getValue().unit();
            }
        }
        if (!labels.isEmpty()) {
            List<String> classes = labels.stream().map(l -> "b-phase").toList();
            figure(html, "Time per phase", SvgChart.bars("Time per phase", labels,
                    values.stream().mapToDouble(Double::doubleValue).toArray(), classes, unit));
        }
    }

    private static void trendChart(StringBuilder html, TestResult t, List<HistoryRun> history,
                                   ChangePointDetector detector) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (HistoryRun run : history) {
            HistoryPoint p = run.tests().get(t.id());
            if (p != null && p.median() != null) {
                labels.add(run.gitCommit() != null ? run.gitCommit().substring(0, Math.min(7, run.gitCommit().length()))
                        : run.finished() == null ? "" : run.finished().toString().substring(0, 10));
                values.add(p.median());
            }
        }
        if (values.size() >= 2) {
            double[] y = values.stream().mapToDouble(Double::doubleValue).toArray();
            List<Integer> changes = detector.detect(y);
            figure(html, "History: median over " + y.length + " runs" + (changes.isEmpty() ? ""
                    : ", " + changes.size() + " change point" + (changes.size() == 1 ? "" : "s")),
                    SvgChart.line("Median time per run", labels, y, "ns", changes));
        }
    }

    static void figure(StringBuilder html, String caption, String svg) {
        html.append("<figure>").append(svg).append("<figcaption>").append(HtmlEscaper.escape(caption))
                .append("</figcaption></figure>");
    }

    static double[] subsample(double[] samples) {
        if (samples.length <= MAX_SAMPLES_DRAWN) {
            return samples;
        }
        double[] out = new double[MAX_SAMPLES_DRAWN];
        double step = (double) samples.length / MAX_SAMPLES_DRAWN;
        for (int i = 0; i < out.length; i++) {
            out[i] = samples[(int) (i * step)];
        }
        return out;
    }
}
