package org.perfjunit.bench;

import org.perfjunit.model.Direction;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.EnvironmentDetector;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;
import org.perfjunit.report.HistoryFile;
import org.perfjunit.report.HistoryRun;
import org.perfjunit.report.ReportSettings;
import org.perfjunit.report.ReportWriter;
import org.perfjunit.stats.SummaryCalculator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How long writing every report takes for 500 tests (200 samples each) with a history of 1,000
 * runs: the target is under 2 s and an HTML file under 5 MB. Prints one line per repetition.
 * <pre>{@code
 * mvn -B -q -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.ReportWritingBenchmark -Dbench.jvmArgs=-Xmx1g
 * }</pre>
 */
public final class ReportWritingBenchmark {

    private ReportWritingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tests = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int historyRuns = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path dir = Files.createTempDirectory("perf-report-bench");
        Path history = dir.resolve("history.jsonl");
        ReportSettings config = ReportSettings.defaults().withReportDir(dir.resolve("reports")).withHistory(history, 1000);
        Random random = new Random(42);
        RunResults run = run(tests, random, "run-0");
        for (int r = 0; r < historyRuns; r++) {
            HistoryFile.record(history, HistoryRun.of(run(tests, random, "run-h" + r)), historyRuns);
        }
        System.out.printf("history: %d runs, %.1f MB%n", historyRuns, Files.size(history) / 1e6);
        for (int rep = 0; rep < 5; rep++) {
            RunResults current = new RunResults(run.schemaVersion(), "run-" + (rep + 1), run.started(), run.finished(),
                    run.environment(), run.tests());
            long t0 = System.nanoTime();
            ReportWriter.write(config, current, new java.util.ArrayList<>());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long t1 = System.nanoTime();
            HistoryFile.record(history, HistoryRun.of(current), 1000);
            long t2 = System.nanoTime();
            List<HistoryRun> last = HistoryFile.readLast(history, 100);
            long t3 = System.nanoTime();
            ReportWriter.write(config, current, last, new java.util.ArrayList<>());
            long t4 = System.nanoTime();
            System.out.printf("  record %d ms, readLast %d ms, write %d ms%n", (t2 - t1) / 1_000_000,
                    (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
            System.out.printf("rep %d: wrote reports for %d tests in %d ms; HTML %.2f MB, perf-results.json %.1f MB%n",
                    rep, tests, ms, Files.size(dir.resolve("reports/perf-report.html")) / 1e6,
                    Files.size(dir.resolve("reports/perf-results.json")) / 1e6);
        }
    }

    private static RunResults run(int n, Random random, String id) {
        List<TestResult> list = new ArrayList<>();
        Instant now = Instant.parse("2025-03-01T10:00:00Z");
        for (int i = 0; i < n; i++) {
            double center = 1e5 * (1 + i % 17);
            double[] samples = new double[200];
            for (int s = 0; s < samples.length; s++) {
                samples[s] = center * Math.exp(0.08 * random.nextGaussian());
            }
            Map<String, Metric> metrics = new LinkedHashMap<>();
            Metric time = Metric.sampled(MetricNames.TIME, "ns", Direction.LOWER_IS_BETTER,
                    SummaryCalculator.summarize(samples), samples);
            metrics.put(MetricNames.TIME, time);
            metrics.put(MetricNames.ALLOCATED, Metric.single(MetricNames.ALLOCATED, "B", Direction.LOWER_IS_BETTER, 4096));
            metrics.put(MetricNames.THROUGHPUT, Metric.single(MetricNames.THROUGHPUT, "ops/s",
                    Direction.HIGHER_IS_BETTER, 1e9 / time.value()));
            metrics.put("phase.parse", Metric.single("phase.parse", "ns", Direction.LOWER_IS_BETTER, center * 0.3));
            metrics.put("phase.solve", Metric.single("phase.solve", "ns", Direction.LOWER_IS_BETTER, center * 0.7));
            List<Comparison> comparisons = List.of(new Comparison(MetricNames.TIME, "median", Level.STABLE,
                    time.value() / 1.01, time.value(), 1.01, 0.98, 1.04, 0.4, 0.05, "stable"));
            String cls = "org.example.suite.Suite" + (i / 50) + "Tests";
            boolean param = i % 10 >= 6;
            list.add(new TestResult(cls + "#case" + (i % 50 / 10) + (param ? "(int)[" + (i % 10 - 5) + "]" : "_" + i + "()"),
                    cls, "case" + (i % 50 / 10) + (param ? "" : "_" + i), param ? "[" + (i % 10 - 5) + "] n=" + (64 << (i % 10))
                    : "case" + i + "()", List.of("performance"), now, metrics, null, List.of(), comparisons,
                    Outcome.PASSED, null));
        }
        return new RunResults(RunResults.SCHEMA_VERSION, id, now, now.plusSeconds(60), EnvironmentDetector.detect(), list);
    }
}
