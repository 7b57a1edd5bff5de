package org.perfjunit.bench;

import org.perfjunit.model.Direction;
import org.perfjunit.PerfContext;
import org.perfjunit.model.Statistic;
import org.perfjunit.baseline.BaselineComparator;
import org.perfjunit.baseline.BaselineMode;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.Threshold;
import org.perfjunit.engine.Measurement;
import org.perfjunit.engine.Operation;
import org.perfjunit.engine.PairedStop;
import org.perfjunit.engine.Sampler;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.engine.SamplingListener;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.stats.SummaryCalculator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How often does the baseline verdict catch a real slowdown, and how often does it cry wolf?
 * Measures a real workload (summing a long array) in a "baseline" run and a "current" run with an
 * injected slowdown of 0/3/5/10/20% (extra array elements, i.e. work proportional to the base
 * cost), many times, and counts verdicts, side by side with the naive rule of pytest-benchmark's
 * {@code --benchmark-compare-fail=mean:10%} (and the same rule at 3%). Runs are measured by
 * perf-junit's own sampler, and the paired column by its interleaved A/B sampler, as in a test.
 *
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.DetectionPowerBenchmark -Dbench.args="--trials 100"
 * </pre>
 * Options: {@code --trials N} (100), {@code --samples N} (40 per run), {@code --sample-ms M} (2).
 */
public final class DetectionPowerBenchmark {

    /** How a run is sampled. Returns {wall, thread CPU} nanoseconds per operation, one value per sample. */
    @FunctionalInterface
    public interface SampleFunction {
        double[][] sample(Operation op, int n);
    }

    private static final int WALL = 0;
    private static final int CPU = 1;

    private static final int BASE_LENGTH = 40_000;
    private static final int[] SLOWDOWNS_PERCENT = {0, 3, 5, 10, 20};

    private final long[] data = new long[BASE_LENGTH * 2];

    private DetectionPowerBenchmark() {
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 31L + 7;
        }
    }

    /** The operation with {@code percent}% extra work, measured as {@code perf.measureLong(...)} would. */
    private Operation workload(int percent) {
        int length = BASE_LENGTH + BASE_LENGTH * percent / 100;
        return Operation.of((Operation.OfLong) () -> {
            long sum = 0;
            for (int i = 0; i < length; i++) {
                sum += data[i] ^ (sum >>> 3);
            }
            return sum;
        });
    }

    /**
     * perf-junit's own sampler, as a test runs it: detected warm-up (at least 200 ms, capped at 1 s),
     * batches calibrated to {@code sampleMillis}, then {@code n} samples. Returns ns per operation.
     */
    static SampleFunction perfJunitSampler(int sampleMillis) {
        return (op, n) -> {
            try {
                Measurement m = Sampler.onJvm(SamplingListener.NONE).measure(op, settings(n, sampleMillis));
                return new double[][] {m.nanosPerOperation(),
                    m.samples().stream().mapToDouble(s -> (double) s.cpuNanos() / s.operations()).toArray()};
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private static SamplerSettings settings(int iterations, int sampleMillis) {
        return new SamplerSettings(-1, Duration.ofSeconds(1), iterations, 10, 1000, Duration.ZERO, Duration.ofSeconds(5),
                0.01, -1, Duration.ofMillis(sampleMillis), 1);
    }

    /** One way of deciding "regression": the verdict with some thresholds, or a naive rule. */
    private interface Rule {
        /** {@code remeasure} measures the current side again, as the gate does once on INCONCLUSIVE. */
        boolean flags(double[][] baseline, double[][] current, Supplier<double[][]> remeasure);
    }

    /** The verdict on wall time ({@link #WALL}) or on thread CPU time ({@link #CPU}). */
    private static Rule verdict(BaselineSettings settings, int clock) {
        BaselineComparator comparator = new BaselineComparator();
        return (b, c, remeasure) -> {
            Comparison first = comparator.compare(metric(b[clock]), metric(c[clock]), settings, 1);
            return flagged(first.level() == Level.INCONCLUSIVE
                    ? comparator.compare(metric(b[clock]), metric(remeasure.get()[clock]), settings, 1) : first);
        };
    }

    private static boolean flagged(Comparison cmp) {
        // INCONCLUSIVE counts when it is a significant worsening that may or may not cross critical
        return cmp.level() == Level.CRITICAL || cmp.level() == Level.WARNING
                || (cmp.level() == Level.INCONCLUSIVE && cmp.ratioCiLow() > 1 && cmp.pValue() < 0.05);
    }

    private static Rule naiveMean(double fraction) {
        return (b, c, remeasure) -> Arrays.stream(c[WALL]).average().orElseThrow()
                > (1 + fraction) * Arrays.stream(b[WALL]).average().orElseThrow();
    }

    private static Metric metric(double[] samples) {
        return Metric.sampled("time", "ns", Direction.LOWER_IS_BETTER, SummaryCalculator.summarize(samples), samples);
    }

    private static BaselineSettings thresholds(double warning, double critical) {
        return new BaselineSettings(BaselineMode.COMPARE, List.of("time"), Statistic.MEDIAN,
                Map.of("time", Threshold.relative(warning, critical)), 0.95, false, 200, "", null);
    }

    public static void main(String[] args) {
        int trials = option(args, "--trials", 100);
        int samples = option(args, "--samples", 40);
        int sampleMillis = option(args, "--sample-ms", 2);
        new DetectionPowerBenchmark().run(perfJunitSampler(sampleMillis), sampleMillis, trials, samples);
    }

    /**
     * Paired A/B ({@code @Baseline(against = ...)}): perf-junit's {@link Sampler#measurePaired} with
     * {@value #ROUNDS} alternating rounds, judged by the paired verdict, as the JUnit gate does.
     */
    private static boolean pairedFlags(Operation reference, Operation candidate, int sampleMillis, BaselineSettings settings) {
        double[][] paired;
        try {
            paired = Sampler.onJvm(SamplingListener.NONE).measurePaired(candidate, reference, settings(ROUNDS, sampleMillis),
                    PairedStop.NEVER);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
        Comparison cmp = new BaselineComparator().comparePaired("time", "ns", Direction.LOWER_IS_BETTER, paired[1], paired[0],
                settings, 1);
        if (Boolean.getBoolean("bench.verbose")) {
            System.out.println("  paired: " + cmp.level() + " " + cmp.message());
        }
        return flagged(cmp);
    }

    private static final int ROUNDS = 30;

    private void run(SampleFunction sampler, int sampleMillis, int trials, int samples) {
        String[] names = {"perf-junit 8%/15% (default)", "perf-junit 3%/15%", "perf-junit cpu_time 3%/15%",
            "naive mean>10%", "naive mean>3%", "paired A/B 3%/15%"};
        Rule[] rules = {verdict(thresholds(0.08, 0.15), WALL), verdict(thresholds(0.03, 0.15), WALL),
            verdict(thresholds(0.03, 0.15), CPU), naiveMean(0.10), naiveMean(0.03)};
        System.out.printf(Locale.ROOT, "Detection power: %d trials per slowdown, %d samples per run, %d processors, %s%n",
                trials, samples, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "%-9s", "slowdown");
        for (String name : names) {
            System.out.printf(Locale.ROOT, " | %-27s", name);
        }
        System.out.printf(Locale.ROOT, " | %s%n", "run time (median)");
        for (int percent : SLOWDOWNS_PERCENT) {
            int[] flagged = new int[names.length];
            List<Double> runSeconds = new ArrayList<>();
            for (int t = 0; t < trials; t++) {
                // alternate which run goes first so warm-up order and drift do not favour one side
                long start = System.nanoTime();
                double[][] first = sampler.sample(workload(t % 2 == 0 ? 0 : percent), samples);
                runSeconds.add((System.nanoTime() - start) / 1e9);
                double[][] second = sampler.sample(workload(t % 2 == 0 ? percent : 0), samples);
                double[][] baseline = t % 2 == 0 ? first : second;
                double[][] current = t % 2 == 0 ? second : first;
                for (int r = 0; r < rules.length; r++) {
                    Operation slowed = workload(percent);
                    flagged[r] += rules[r].flags(baseline, current, () -> sampler.sample(slowed, samples)) ? 1 : 0;
                }
                flagged[rules.length] += pairedFlags(workload(0), workload(percent), sampleMillis, thresholds(0.03, 0.15)) ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "%7d%% ", percent);
            for (int r = 0; r < names.length; r++) {
                System.out.printf(Locale.ROOT, " | %-27s", String.format(Locale.ROOT, "%5.1f%% %s",
                        100.0 * flagged[r] / trials, percent == 0 ? "false alarms" : "detected"));
            }
            runSeconds.sort(null);
            System.out.printf(Locale.ROOT, " | %.2f s%n", runSeconds.get(runSeconds.size() / 2));
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
