package org.perfjunit.bench;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.perfjunit.model.Statistic;
import org.perfjunit.stats.StatisticInterval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * perf-junit as a user gets it, against JMH, on this machine, in this run. The five reference
 * workloads are measured three ways, alternating, {@code --rounds} times (default 3):
 * <ol>
 *   <li>perf-junit: a Maven project with one plain JUnit test class carrying {@code @Performance}
 *       only ({@link ConsumerProject}), run by {@code mvn test}: default Surefire fork, default JVM
 *       flags, no properties file;</li>
 *   <li>JMH 1.37 ({@link AccuracyJmh}): {@code -f1 -wi 5 -i 10 -w 1s -r 1s -prof gc}, the fork at default
 *       JVM flags too (not this JVM's);</li>
 *   <li>a third opinion when the two disagree: {@link PlainTimingLoop}, a nanoTime loop with a volatile sink.</li>
 * </ol>
 * and, in a second, labelled table, JMH's own median: JMH in sample mode ({@code -bm sample}, the same
 * iterations, each call timed on its own), whose p50 is the like-for-like figure for perf-junit's median. JMH's
 * headline score is a mean; where a workload's calls are skewed (a few slow ones: collections, fresh memory),
 * a median sits below the mean in either tool, and that is not a disagreement between them.
 * Prints the CPU, the load average, and per workload the median over rounds of each figure and of
 * each round's ratio. Targets: medians within 5% of JMH, means within 10%, the empty body within 2 ns; each is
 * judged in a table of its own, with the interval of the median ratio over the rounds, so that a miss the run cannot
 * tell from the rounds' spread says so ("not resolved") instead of reading as a verdict.
 *
 * The host itself changes speed for memory-bound code over tens of seconds ({@link HostSpeedProbe}), so a
 * round's ratio also measures which speed each tool's run landed in; the "fastest rounds" column compares each
 * tool's fastest round, the one the host slowed least. A round can also be transient in either tool: perf-junit
 * says so (heap-transient); JMH's five 1 s warm-up iterations can end before the heap has grown and been written
 * through, and its first measurement iterations then pay for fresh memory (3.4-9x the others, seen for
 * {@code alloc1MiB}). "JMH unsteady" counts those rounds, and the last column compares the rounds where neither
 * tool was transient.
 *
 * {@code --perf-junit-only} runs the user's project once and prints its figures; {@code --without-jmh-median} leaves
 * out the second opinion; {@code --workload NAME} (one of {@link AccuracyWorkloads#NAMES}) measures
 * that workload alone with all three tools (in the user's project, {@code mvn test -Dtest=...#method});
 * {@code --jmh-forks N} runs JMH with N forks per round (its score is then its mean over them) and judges its second
 * fork against its first by the median's target: how well the reference agrees with itself in as many rounds.
 *
 * <pre>mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.DefaultsAccuracyBenchmark -Dbench.args="--rounds 3"</pre>
 */
public final class DefaultsAccuracyBenchmark {

    /** perf-junit test method per workload name of {@link AccuracyWorkloads}. */
    private static final Map<String, String> TESTS = Map.of("empty", "emptyBody", "sumArray", "sumArray",
            "matmul128", "matmul128", "sort100k", "sort100k", "alloc1MiB", "alloc1MiB");

    /** A JMH measurement iteration this many times the median of its round's iterations makes the round unsteady. */
    private static final double UNSTEADY = 1.5;

    /** Confidence of the interval around the median of the rounds' ratios. */
    private static final double CONFIDENCE = 0.90;

    private DefaultsAccuracyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        boolean jmhMedian = true;
        boolean perfJunitOnly = false;
        int jmhForks = 1;
        List<String> names = List.of(AccuracyWorkloads.NAMES);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = atLeastOne("--rounds", args[++i]);
                case "--without-jmh-median" -> jmhMedian = false;
                case "--perf-junit-only" -> perfJunitOnly = true;
                case "--workload" -> names = List.of(workload(args[++i]));
                case "--jmh-forks" -> jmhForks = atLeastOne("--jmh-forks", args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; expected --rounds N, "
                        + "--without-jmh-median, --perf-junit-only, --workload NAME, --jmh-forks N");
            }
        }
        Path work = Path.of("target", "accuracy-defaults").toAbsolutePath();
        ConsumerProject consumer = new ConsumerProject(work.resolve("consumer"));
        consumer.write();
        if (perfJunitOnly) {
            // the user's side alone: what mvn test reports at the defaults
            consumer.test(work.resolve("mvn-only.txt"), methods(names)).forEach((test, v) -> System.out.printf(
                    Locale.ROOT, "%s: median %.2f ns, mean %.2f ns, %.0f B/op%s%n", test, v[0], v[1], v[2],
                    v[3] > 0 ? ", heap-transient" : ""));
            return;
        }
        System.out.println("CPU: " + cpu() + "; load average before: " + loadAverage());
        Map<String, List<double[]>> jmh = new LinkedHashMap<>();
        Map<String, List<double[]>> jmhSampled = new LinkedHashMap<>();
        Map<String, List<double[]>> ours = new LinkedHashMap<>();
        Map<String, List<double[]>> plain = new LinkedHashMap<>();
        for (int r = 1; r <= rounds; r++) {
            // alternate who goes first, so drift of the machine does not always favour one side
            if (r % 2 == 1) {
                collect(jmh, runJmh(work.resolve("jmh-round" + r + ".txt"), false, names, jmhForks));
                collect(ours, fromConsumer(consumer.test(work.resolve("mvn-round" + r + ".txt"), methods(names))));
            } else {
                collect(ours, fromConsumer(consumer.test(work.resolve("mvn-round" + r + ".txt"), methods(names))));
                collect(jmh, runJmh(work.resolve("jmh-round" + r + ".txt"), false, names, jmhForks));
            }
            // a labelled second opinion, not the headline: JMH's own median, each call timed (-bm sample)
            if (jmhMedian) {
                collect(jmhSampled, runJmh(work.resolve("jmh-sample-round" + r + ".txt"), true, names, jmhForks));
            }
            Map<String, double[]> loop = new LinkedHashMap<>();
            for (String name : names) {
                loop.put(name, PlainTimingLoop.inFreshJvm(List.of(), name));
            }
            collect(plain, loop);
            System.out.println("round " + r + " done; load average: " + loadAverage());
        }
        System.out.println();
        System.out.println(table(jmh, ours, plain, rounds, names));
        System.out.println();
        System.out.println(verdicts(jmh, ours, rounds, names, jmhForks > 1));
        System.out.println();
        if (jmhMedian) {
            System.out.println(medianTable(jmhSampled, jmh, ours, rounds, names));
        }
        System.out.println("CPU: " + cpu() + "; load average after: " + loadAverage());
    }

    private static String table(Map<String, List<double[]>> jmh, Map<String, List<double[]>> ours,
                                Map<String, List<double[]>> plain, int rounds, List<String> names) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d rounds; per cell the median over rounds "
                + "(ratios: median [min-max] of each round's ratio)%n", rounds));
        out.append("| workload | JMH ns/op (mean) | perf-junit median | median / JMH | perf-junit mean | mean / JMH "
                + "| fastest rounds: perf-junit median / JMH | plain loop median | perf-junit median / plain "
                + "| JMH / plain | JMH B/op | perf-junit B/op | heap-transient | JMH unsteady "
                + "| median / JMH, both steady |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|\n");
        for (String name : names) {
            List<double[]> j = jmh.get(name);
            List<double[]> p = ours.get(name);
            List<double[]> l = plain.get(name);
            boolean empty = name.equals("empty");
            double fastestOurs = fastest(p);
            double fastestJmh = fastest(j);
            out.append(String.format(Locale.ROOT,
                    "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d of %d | %d of %d | %s |%n",
                    name, figure(j, 0), figure(p, 0),
                    empty ? diff(p, 0, j, 0) : ratio(p, 0, j, 0), figure(p, 1),
                    empty ? diff(p, 1, j, 0) : ratio(p, 1, j, 0),
                    String.format(Locale.ROOT, empty ? "%+.2f ns" : "%.3f",
                            empty ? fastestOurs - fastestJmh : fastestOurs / fastestJmh), figure(l, 0),
                    empty ? diff(p, 0, l, 0) : ratio(p, 0, l, 0), empty ? diff(j, 0, l, 0) : ratio(j, 0, l, 0),
                    figure(j, 1), figure(p, 2), p.stream().filter(v -> v[3] > 0).count(), p.size(),
                    j.stream().filter(v -> v[2] > 0).count(), j.size(), bothSteady(p, j, empty)));
        }
        out.append("(empty: differences in ns instead of ratios; fastest rounds: each tool's fastest round, "
                + "the one least slowed by the host, see HostSpeedProbe; JMH unsteady: rounds in which one of JMH's "
                + "measurement iterations read " + UNSTEADY + "x their median or more, e.g. a heap still growing into "
                + "fresh memory; both steady: the ratio over rounds where JMH was steady and perf-junit not "
                + "heap-transient)");
        return out.toString();
    }

    /**
     * Each target judged over the rounds: the median of the rounds' ratios (or differences) against the target's
     * band, with the distribution-free interval of that median ({@link StatisticInterval}, order statistics of the
     * rounds). A median outside the band whose interval still reaches into it is a miss this run cannot tell from
     * noise; one whose interval lies wholly outside is a miss. With {@code jmhAgainstItself}, JMH's second fork
     * against its first, by the same target: how close the reference comes to itself in the same number of rounds.
     */
    private static String verdicts(Map<String, List<double[]>> jmh, Map<String, List<double[]>> ours, int rounds,
                                   List<String> names, boolean jmhAgainstItself) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Targets over %d rounds: the median of "
                + "the rounds' ratios, its %.0f%% interval (distribution-free, from the rounds' order statistics), "
                + "verdict%n", rounds, CONFIDENCE * 100));
        out.append("| workload | median / JMH (target 0.95-1.05) | mean / JMH (target 0.90-1.10) |")
                .append(jmhAgainstItself ? " JMH fork 2 / fork 1 (by the median's target) |\n" : "\n");
        out.append(jmhAgainstItself ? "|---|---|---|---|\n" : "|---|---|---|\n");
        for (String name : names) {
            List<double[]> j = jmh.get(name);
            List<double[]> p = ours.get(name);
            boolean empty = name.equals("empty");
            double band = empty ? 2 : 0.05;
            String median = judged(perRound(p, 0, j, 0, empty), empty, band);
            String mean = judged(perRound(p, 1, j, 0, empty), empty, empty ? 2 : 0.10);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s |", name, median, mean));
            if (jmhAgainstItself) {
                out.append(' ').append(judged(perRound(j, 4, j, 3, empty), empty, band)).append(" |");
            }
            out.append('\n');
        }
        out.append("(empty: differences in ns, target within 2 ns, for the mean too; met / missed: the median "
                + "against the band; not resolved: the interval reaches across one of the band's bounds, and more "
                + "rounds would decide; the interval is unbounded below "
                + StatisticInterval.samplesForBoundedInterval(Statistic.MEDIAN, CONFIDENCE) + " rounds)");
        return out.toString();
    }

    /** {@code values}' median, its interval and the verdict against the band 1 ± {@code band} (0 ± for ns). */
    private static String judged(double[] values, boolean difference, double band) {
        double centre = difference ? 0 : 1;
        double low = centre - band;
        double high = centre + band;
        double m = median(values);
        StatisticInterval ci = StatisticInterval.of(Statistic.MEDIAN, values, CONFIDENCE);
        boolean met = m >= low && m <= high;
        boolean resolved = met ? ci.low() >= low && ci.high() <= high : ci.high() < low || ci.low() > high;
        String format = difference ? "%+.2f ns" : "%.3f";
        return String.format(Locale.ROOT, format, m) + " [" + bound(ci.low(), format) + ", " + bound(ci.high(), format)
                + "] " + (met ? "met" : "missed") + (resolved ? "" : ", not resolved");
    }

    private static String bound(double value, String format) {
        return Double.isInfinite(value) ? (value < 0 ? "-inf" : "+inf") : String.format(Locale.ROOT, format, value);
    }

    /**
     * The second opinion: JMH's median (p50 of its single-call timings) against perf-junit's median and against
     * JMH's own mean. Not for the empty body: one call of it is far below the clock's resolution.
     */
    private static String medianTable(Map<String, List<double[]>> jmhSampled, Map<String, List<double[]>> jmh,
                                      Map<String, List<double[]>> ours, int rounds, List<String> names) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "Second opinion, labelled: JMH's own median "
                + "(-bm sample: the same forks and iterations, each call timed; p50), %d rounds%n", rounds));
        out.append("| workload | JMH median ns/op | perf-junit median / JMH median | JMH median / JMH mean |\n");
        out.append("|---|---:|---:|---:|\n");
        for (String name : names) {
            if (name.equals("empty")) {
                continue;
            }
            List<double[]> m = jmhSampled.get(name);
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", name, figure(m, 0),
                    ratio(ours.get(name), 0, m, 0), ratio(m, 0, jmh.get(name), 0)));
        }
        return out.toString();
    }

    private static void collect(Map<String, List<double[]>> into, Map<String, double[]> round) {
        round.forEach((name, values) -> into.computeIfAbsent(name, k -> new ArrayList<>()).add(values));
    }

    private static Map<String, double[]> fromConsumer(Map<String, double[]> byMethod) {
        Map<String, double[]> out = new LinkedHashMap<>();
        TESTS.forEach((name, method) -> {
            if (byMethod.containsKey(method)) {
                out.put(name, byMethod.get(method));
            }
        });
        return out;
    }

    /** {@code value} as a whole number of at least 1; otherwise a message that names {@code option}. */
    private static int atLeastOne(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException(option + " expects a whole number of at least 1, got [" + value + "]");
    }

    /** {@code name} if it is one of the workloads; otherwise a message that lists them. */
    private static String workload(String name) {
        if (!TESTS.containsKey(name)) {
            throw new IllegalArgumentException("unknown workload " + name + "; expected one of "
                    + String.join(", ", AccuracyWorkloads.NAMES));
        }
        return name;
    }

    /** The consumer's test methods of {@code names}; empty (run them all) when they are all the workloads. */
    private static List<String> methods(List<String> names) {
        return names.size() == AccuracyWorkloads.NAMES.length ? List.of() : names.stream().map(TESTS::get).toList();
    }

    /**
     * JMH's score per workload ({@code sampled}: the p50 of single-call timings instead), its bytes per call, 1 where
     * its measurement iterations were not steady ({@link #unsteady}), and its first and second forks' scores
     * ({@link #fork}; NaN for a fork it did not run).
     */
    private static Map<String, double[]> runJmh(Path output, boolean sampled, List<String> names, int forks)
            throws Exception {
        List<String> measured = sampled ? names.stream().filter(n -> !n.equals("empty")).toList() : names;
        if (measured.isEmpty()) {
            return Map.of();
        }
        String pattern = AccuracyJmh.class.getName() + "\\.(" + String.join("|", measured) + ")$";
        var options = new OptionsBuilder().include(pattern)
                .mode(sampled ? Mode.SampleTime : Mode.AverageTime).timeUnit(TimeUnit.NANOSECONDS)
                .forks(forks).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(10).measurementTime(TimeValue.seconds(1))
                .jvmArgs() // default JVM flags in the fork, not the ones this JVM was started with
                .addProfiler(GCProfiler.class).output(output.toString()).build();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String label = r.getParams().getBenchmark();
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            Result<?> primary = r.getPrimaryResult();
            out.put(label.substring(label.lastIndexOf('.') + 1), new double[] {
                    sampled ? primary.getStatistics().getPercentile(50) : primary.getScore(),
                    alloc == null ? Double.NaN : alloc.getScore(), unsteady(r), fork(r, 0), fork(r, 1)});
        }
        return out;
    }

    /**
     * perf-junit's median against JMH's mean over the rounds where neither tool's run was transient (JMH: no
     * unsteady iteration; perf-junit: not heap-transient), with their count.
     */
    private static String bothSteady(List<double[]> ours, List<double[]> jmh, boolean empty) {
        List<double[]> a = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int i = 0; i < ours.size(); i++) {
            if (ours.get(i)[3] <= 0 && jmh.get(i)[2] <= 0) {
                a.add(ours.get(i));
                b.add(jmh.get(i));
            }
        }
        if (a.isEmpty()) {
            return "no such round";
        }
        return (empty ? diff(a, 0, b, 0) : ratio(a, 0, b, 0)) + " (" + a.size() + ")";
    }

    /** The score of fork {@code index} (0: the first), NaN if the run had fewer forks. */
    private static double fork(RunResult result, int index) {
        return result.getBenchmarkResults().stream().skip(index).findFirst()
                .map(b -> b.getPrimaryResult().getScore()).orElse(Double.NaN);
    }

    /** 1 if one measurement iteration read {@link #UNSTEADY} times the median iteration or more, else 0. */
    private static double unsteady(RunResult result) {
        double[] scores = result.getBenchmarkResults().stream()
                .flatMap(b -> b.getIterationResults().stream())
                .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray();
        double median = median(scores);
        return Arrays.stream(scores).anyMatch(s -> s >= UNSTEADY * median) ? 1 : 0;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** The fastest round's figure (index 0: perf-junit's median, JMH's score). */
    private static double fastest(List<double[]> rounds) {
        return rounds.stream().mapToDouble(v -> v[0]).min().orElseThrow();
    }

    private static String figure(List<double[]> rounds, int index) {
        double m = median(rounds.stream().mapToDouble(v -> v[index]).toArray());
        return Double.isNaN(m) ? "–" : String.format(Locale.ROOT, m < 10 ? "%.2f" : "%,.0f", m);
    }

    /** Each round's {@code a[ia] / b[ib]}, or {@code a[ia] - b[ib]} with {@code difference}. */
    private static double[] perRound(List<double[]> a, int ia, List<double[]> b, int ib, boolean difference) {
        double[] r = new double[a.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = difference ? a.get(i)[ia] - b.get(i)[ib] : a.get(i)[ia] / b.get(i)[ib];
        }
        return r;
    }

    private static String ratio(List<double[]> a, int ia, List<double[]> b, int ib) {
        double[] r = perRound(a, ia, b, ib, false);
        return String.format(Locale.ROOT, "%.3f [%.3f-%.3f]", median(r), Arrays.stream(r).min().orElseThrow(),
                Arrays.stream(r).max().orElseThrow());
    }

    private static String diff(List<double[]> a, int ia, List<double[]> b, int ib) {
        double[] d = perRound(a, ia, b, ib, true);
        return String.format(Locale.ROOT, "%+.2f ns [%+.2f, %+.2f]", median(d), Arrays.stream(d).min().orElseThrow(),
                Arrays.stream(d).max().orElseThrow());
    }

    /** Vendor, family, model and model name from /proc/cpuinfo, and the logical CPUs. */
    static String cpu() throws IOException {
        Path info = Path.of("/proc/cpuinfo");
        if (!Files.exists(info)) {
            return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs";
        }
        Map<String, String> first = new LinkedHashMap<>();
        for (String line : Files.readAllLines(info)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                first.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return first.get("vendor_id") + " family " + first.get("cpu family") + " model " + first.get("model") + " ("
                + first.get("model name") + "), " + Runtime.getRuntime().availableProcessors() + " logical CPUs";
    }

    static String loadAverage() throws IOException {
        Path load = Path.of("/proc/loadavg");
        return Files.exists(load) ? String.join(" ", Arrays.copyOf(Files.readString(load).split(" "), 3)) : "n/a";
    }
}
