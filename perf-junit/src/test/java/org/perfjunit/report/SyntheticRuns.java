package org.perfjunit.report;

import org.perfjunit.model.Check;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Environment;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunInfo;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.stats.SummaryCalculator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Realistic, deterministic (seeded) results and histories for report tests. */
public final class SyntheticRuns {

    static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    static final Environment ENV = new Environment("Linux", "6.1", "amd64", "Intel(R) Xeon(R) Platinum 8375C CPU @ 2.90GHz",
            8, 17, "Eclipse Adoptium", "17.0.15+6", "G1 Young Generation,G1 Old Generation", 4L << 30,
            "0123456789abcdef0123456789abcdef01234567", "ci-runner",
            new org.perfjunit.model.CpuIdentity("GenuineIntel", 6, 106, 6, 1310720L, 56623104L, true));

    private SyntheticRuns() {
    }

    /** A run with {@code n} tests (n >= 6 includes every kind: failures, baselines, phases, parameters). */
    static RunResults run(int n, long seed) {
        Random random = new Random(seed);
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tests.add(test(i, random));
        }
        return new RunResults(RunResults.SCHEMA_VERSION, "run-1-1", T0, T0.plusSeconds(60), ENV, tests);
    }

    public static TestResult test(int i, Random random) {
        int kind = i % 6;
        String cls = "org.example.photonic." + (kind == 5 ? "MatmulScalingTests" : "CompilerBenchmarkTests");
        String method = kind == 5 ? "multipliesMatrices" : List.of("compilesMeshNetwork", "routesWaveguides",
                "placesPhaseShifters", "optimizesLayout", "simulatesInterference").get(kind) + (i / 6 == 0 ? "" : i / 6);
        int size = 64 << (i / 6 % 6);
        String id = cls + "#" + method + (kind == 5 ? "(int)[" + (i / 6 + 1) + "]" : "()");
        String display = kind == 5 ? "[" + (i / 6 + 1) + "] n=" + size : method + "()";
        double center = kind == 5 ? 2e3 * Math.pow(size / 64.0, 2.2) : 1e5 * (1 + kind) * (1 + 0.1 * (i % 7));
        double[] samples = new double[200];
        for (int s = 0; s < samples.length; s++) {
            samples[s] = center * Math.exp(0.08 * random.nextGaussian()) + (random.nextDouble() < 0.03 ? center * 0.5 : 0);
        }
        Map<String, Metric> metrics = new LinkedHashMap<>();
        Metric time = Metric.sampled(MetricNames.TIME, "ns", Direction.LOWER_IS_BETTER,
                SummaryCalculator.summarize(samples), samples);
        metrics.put(MetricNames.TIME, time);
        metrics.put(MetricNames.ALLOCATED, Metric.single(MetricNames.ALLOCATED, "B", Direction.LOWER_IS_BETTER,
                Math.rint(4096 + 1000 * kind + 37 * i)));
        metrics.put(MetricNames.THROUGHPUT, Metric.single(MetricNames.THROUGHPUT, "ops/s", Direction.HIGHER_IS_BETTER,
                1e9 / time.value()));
        if (kind == 0 || kind == 2) {
            metrics.put(MetricNames.ENERGY, Metric.single(MetricNames.ENERGY, "J", Direction.LOWER_IS_BETTER,
                    time.value() * 2.5e-8));
        }
        if (kind == 0) {
            metrics.put("phase.parse", Metric.single("phase.parse", "ns", Direction.LOWER_IS_BETTER, time.value() * 0.1));
            metrics.put("phase.svd", Metric.single("phase.svd", "ns", Direction.LOWER_IS_BETTER, time.value() * 0.55));
            metrics.put("phase.route", Metric.single("phase.route", "ns", Direction.LOWER_IS_BETTER, time.value() * 0.3));
            metrics.put("accuracy", Metric.single("accuracy", "", Direction.HIGHER_IS_BETTER, 0.987));
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        Outcome outcome = Outcome.PASSED;
        String message = null;
        double ratio = switch (kind) {
            case 1 -> 1.32;
            case 2 -> 0.81;
            case 3 -> 1.12;
            default -> 1.01;
        };
        Level level = switch (kind) {
            case 1 -> Level.CRITICAL;
            case 2 -> Level.IMPROVEMENT;
            case 3 -> Level.WARNING;
            default -> Level.STABLE;
        };
        if (kind != 5) {
            comparisons.add(new Comparison(MetricNames.TIME, "median", level, time.value() / ratio, time.value(), ratio,
                    ratio * 0.97, ratio * 1.03, 0.001, 0.4, "median time " + UnitFormat.percentChange(ratio)));
        }
        if (kind == 1) {
            outcome = Outcome.FAILED;
            message = "median duration [" + UnitFormat.nanos(time.value()) + "] regressed "
                    + UnitFormat.percentChange(ratio) + " against baseline [" + UnitFormat.nanos(time.value() / ratio)
                    + "] (p=0.001)";
            checks.add(new Check("@MaxDuration", MetricNames.TIME, "p95", time.value(), time.summary().p95(), "ns",
                    false, message));
        }
        if (i == 4) {
            display = "<script>alert(1)</script>";
            method = "<script>alert(1)</script>";
        }
        RunInfo info = new RunInfo(10, 2_000_000_000L, true, samples.length, 1, 1, 5_000_000_000L, "iterations", false, false);
        return new TestResult(id, cls, method, display, List.of("performance"), T0.plusSeconds(i), metrics, info, checks,
                comparisons, outcome, message);
    }

    /** {@code runs} history lines for {@code run}'s tests, with a 25% step at two thirds of the way. */
    static List<HistoryRun> history(RunResults run, int runs, long seed) {
        Random random = new Random(seed);
        List<HistoryRun> history = new ArrayList<>();
        String key = org.perfjunit.model.EnvironmentKey.of(ENV);
        for (int r = 0; r < runs; r++) {
            Map<String, HistoryPoint> points = new HashMap<>();
            double step = r >= runs * 2 / 3 ? 1.25 : 1.0;
            for (TestResult t : run.tests()) {
                double m = t.metric(MetricNames.TIME).value() * step * (1 + 0.02 * random.nextGaussian());
                points.put(t.id(), new HistoryPoint(Outcome.PASSED, HistoryPoint.round(m), HistoryPoint.round(m * 1.2),
                        HistoryPoint.round(1e9 / m), 4096.0, null));
            }
            history.add(new HistoryRun("run-" + r, T0.minusSeconds(3600L * (runs - r)),
                    String.format("%07x", 0xabc000 + r), key, new LinkedHashMap<>(points)));
        }
        return history;
    }
}
