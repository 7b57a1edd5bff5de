package org.perfjunit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Detection power the way CI sees it: every run is a fresh JVM started by
 * {@link DetectionTrial}, which runs {@link DetectionWorkload} through the JUnit Launcher at
 * perf-junit's defaults (no JVM flags). A slowdown of 0, 1, 2, 5, 10 or 20% is injected as extra
 * arithmetic. Three rules are compared on the same runs:
 * <ul>
 *   <li><b>stored</b>: the {@code @Baseline} verdict against a baseline recorded by another fresh JVM
 *       (a new one every 10 trials), default thresholds 8% / 15%;</li>
 *   <li><b>paired</b>: {@code @Baseline(against = ...)}, the base code measured in alternating rounds
 *       of the same JVM, the base loaded again in a child-first class loader so the JIT compiles it on its
 *       own — the mechanism revision A/B uses — thresholds 0.5% / 1%, sequential rounds (looks at 30,
 *       60, 120, ... rounds until the interval clears 1% one way or the other, at most 1000);</li>
 *   <li><b>naive</b>: pytest-benchmark's "mean more than 10% over the baseline's mean".</li>
 * </ul>
 * "Flagged" counts WARNING or CRITICAL (a regression reported), "failed" only CRITICAL (the test
 * fails), "undecided" INCONCLUSIVE (the interval still straddled the critical threshold at the cap). At
 * 0% flagged and failed are false alarms. Optionally the other core is kept busy by a spinning process.
 *
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.CrossJvmDetectionBenchmark -Dbench.args="--trials 30 --load both"
 * </pre>
 * Options: {@code --trials N} (30 per level), {@code --levels 0,1,2,5,10,20}, {@code --load quiet|loaded|both}.
 */
public final class CrossJvmDetectionBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRIALS_PER_BASELINE = 10;
    private static final Pattern PAIRS = Pattern.compile("(\\d+) pairs");

    private final Path work;
    private final int trials;
    private final int[] levels;

    private CrossJvmDetectionBenchmark(Path work, int trials, int[] levels) {
        this.work = work;
        this.trials = trials;
        this.levels = levels;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int trials = Integer.parseInt(options.getOrDefault("--trials", "30"));
        int[] levels = Arrays.stream(options.getOrDefault("--levels", "0,1,2,5,10,20").split(","))
                .mapToInt(Integer::parseInt).toArray();
        String load = options.getOrDefault("--load", "both");
        System.out.println("CPU: " + cpu() + "; JDK " + Runtime.version().feature() + "; child JVMs at default flags");
        CrossJvmDetectionBenchmark bench = new CrossJvmDetectionBenchmark(Files.createTempDirectory("perf-detect"),
                trials, levels);
        if (!load.equals("loaded")) {
            bench.condition("quiet", false);
        }
        if (!load.equals("quiet")) {
            bench.condition("other core loaded", true);
        }
    }

    private void condition(String name, boolean loaded) throws Exception {
        Process spinner = loaded ? new ProcessBuilder("sh", "-c", "while :; do :; done").start() : null;
        // a benchmark stopped with a signal must not leave the other core busy for whatever runs next
        Thread stopSpinner = new Thread(() -> stop(spinner), "stop-spinner");
        Runtime.getRuntime().addShutdownHook(stopSpinner);
        try {
            System.out.printf(Locale.ROOT, "%n%s, %d fresh JVMs per level%n", name, trials);
            System.out.println("| slowdown | stored flagged | stored failed | paired flagged | paired failed "
                    + "| paired undecided | naive mean>+10% | stored s/test (median) | paired s/test (median, max) "
                    + "| paired rounds (median) | load average |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            for (int level : levels) {
                row(name.replace(' ', '-'), level);
            }
        } finally {
            stop(spinner);
            Runtime.getRuntime().removeShutdownHook(stopSpinner);
        }
    }

    private static void stop(Process spinner) {
        if (spinner != null) {
            spinner.descendants().forEach(ProcessHandle::destroyForcibly);
            spinner.destroyForcibly();
        }
    }

    private void row(String condition, int level) throws Exception {
        int storedFlag = 0;
        int storedFail = 0;
        int pairedFlag = 0;
        int pairedFail = 0;
        int pairedUndecided = 0;
        int naive = 0;
        List<Double> storedSeconds = new ArrayList<>();
        List<Double> pairedSeconds = new ArrayList<>();
        List<Double> rounds = new ArrayList<>();
        Path baselines = null;
        double baselineMean = 0;
        for (int t = 0; t < trials; t++) {
            if (t % TRIALS_PER_BASELINE == 0) {
                baselines = work.resolve(condition + "-" + level + "-baseline-" + t);
                JsonNode recorded = trial(0, baselines, "update");
                baselineMean = test(recorded, "stored").path("metrics").path("time").path("summary").path("mean").asDouble();
            }
            JsonNode results = trial(level, baselines, "compare");
            JsonNode stored = test(results, "stored");
            JsonNode paired = test(results, "paired");
            String s = timeLevel(stored);
            String p = timeLevel(paired);
            storedFlag += s.equals("WARNING") || s.equals("CRITICAL") ? 1 : 0;
            storedFail += s.equals("CRITICAL") ? 1 : 0;
            pairedFlag += p.equals("WARNING") || p.equals("CRITICAL") ? 1 : 0;
            pairedFail += p.equals("CRITICAL") ? 1 : 0;
            pairedUndecided += p.equals("INCONCLUSIVE") ? 1 : 0;
            double mean = stored.path("metrics").path("time").path("summary").path("mean").asDouble();
            naive += mean > baselineMean * 1.10 ? 1 : 0;
            storedSeconds.add(results.path("durations").path("stored").asDouble());
            pairedSeconds.add(results.path("durations").path("paired").asDouble());
            rounds.add(pairedRounds(paired));
        }
        System.out.printf(Locale.ROOT, "| %d%% | %s | %s | %s | %s | %s | %s | %.2f | %.2f, %.2f | %.0f | %s |%n", level,
                share(storedFlag), share(storedFail), share(pairedFlag), share(pairedFail), share(pairedUndecided),
                share(naive), median(storedSeconds), median(pairedSeconds), Collections.max(pairedSeconds),
                median(rounds), DefaultsAccuracyBenchmark.loadAverage().split(" ")[0]);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    /** The paired rounds the verdict used, from its message ("... (n pairs ...)"), or NaN. */
    private static double pairedRounds(JsonNode test) {
        for (JsonNode c : test.path("comparisons")) {
            Matcher m = PAIRS.matcher(c.path("message").asText());
            if (m.find()) {
                return Double.parseDouble(m.group(1));
            }
        }
        return Double.NaN;
    }

    private String share(int count) {
        return String.format(Locale.ROOT, "%d/%d", count, trials);
    }

    /** Runs one fresh JVM and returns its perf-results.json. */
    private JsonNode trial(int level, Path baselines, String mode) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(work, "trial");
        Path reports = dir.resolve("reports");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbench.slowdown=" + level, "-cp", System.getProperty("java.class.path"),
                DetectionTrial.class.getName(), baselines.toString(), reports.toString(), mode);
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("trial did not finish in 5 minutes: " + dir);
        }
        Path results = reports.resolve("perf-results.json");
        if (!Files.exists(results)) {
            throw new IllegalStateException("trial wrote no results; its output: "
                    + Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8));
        }
        ObjectNode read = (ObjectNode) JSON.readTree(results.toFile());
        ObjectNode durations = read.putObject("durations"); // seconds per test, start to finish, from DetectionTrial
        for (String line : Files.readAllLines(reports.resolve("durations.txt"))) {
            String[] parts = line.split(" ");
            durations.put(parts[0], Double.parseDouble(parts[1]));
        }
        return read;
    }

    private static JsonNode test(JsonNode results, String method) {
        for (JsonNode t : results.path("tests")) {
            if (method.equals(t.path("methodName").asText())) {
                return t;
            }
        }
        throw new IllegalStateException("no test [" + method + "] in the results");
    }

    private static String timeLevel(JsonNode test) {
        for (JsonNode c : test.path("comparisons")) {
            if ("time".equals(c.path("metric").asText())) {
                return c.path("level").asText();
            }
        }
        return "NONE";
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            out.put(args[i], args[i + 1]);
        }
        return out;
    }

    /** Vendor, family, model and model name from /proc/cpuinfo: figures are only comparable on one CPU. */
    static String cpu() {
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    fields.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                }
            }
            return fields.get("vendor_id") + " family " + fields.get("cpu family") + " model " + fields.get("model")
                    + " (" + fields.get("model name") + "), " + Runtime.getRuntime().availableProcessors() + " cores";
        } catch (IOException e) {
            return System.getProperty("os.arch") + " (no /proc/cpuinfo)";
        }
    }
}
