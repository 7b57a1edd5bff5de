package org.perfjunit.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.perfjunit.engine.Measurement;
import org.perfjunit.engine.Sample;
import org.perfjunit.engine.Sampler;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.engine.SamplingListener;
import org.perfjunit.stats.SummaryCalculator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accuracy of perf-junit's sampler against JMH, side by side: each workload is measured by JMH (one
 * fork, {@code -prof gc}) and by perf-junit's sampler in a fresh JVM of its own, so neither inherits
 * the other's JIT profile. Before its workload, the perf-junit JVM briefly measures the other four, as
 * a test suite would. Two columns: <b>defaults</b> (both JVMs at default flags, perf-junit at
 * {@link SamplerSettings#defaults()}) first, then <b>tuned</b> ({@code -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch} for both, perf-junit measuring at least 5 s). Prints median and mean ns/op and
 * allocated bytes/op with the ratio perf-junit/JMH. {@link DefaultsAccuracyBenchmark} goes further:
 * the same workloads through the annotations in a plain {@code mvn test}.
 *
 * <pre>mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.AccuracyBenchmark</pre>
 */
public final class AccuracyBenchmark {

    /**
     * The tuned column's JVMs: a fixed heap, touched up front, so neither pays first-touch page faults
     * of fresh heap regions while it measures (allocating 1 MiB per operation walks the whole heap).
     */
    private static final String[] TUNED_JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"};

    private AccuracyBenchmark() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 3 && args[0].equals("--perf-junit")) {
            perfJunitChild(args[1], args[2].equals("tuned"));
            return;
        }
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average: "
                + DefaultsAccuracyBenchmark.loadAverage());
        Map<String, double[]> jmhDefaults = runJmh(new String[0]);
        Map<String, double[]> oursDefaults = runChildren(new String[0], "defaults");
        Map<String, double[]> jmhTuned = runJmh(TUNED_JVM_ARGS);
        Map<String, double[]> oursTuned = runChildren(TUNED_JVM_ARGS, "tuned");
        System.out.println();
        System.out.println("| workload | defaults: JMH ns/op (mean) | perf-junit median | median / JMH | mean / JMH "
                + "| tuned: JMH ns/op (mean) | perf-junit median | median / JMH | mean / JMH "
                + "| JMH B/op (gc.alloc.rate.norm) | perf-junit B/op | ratio |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (String name : AccuracyWorkloads.NAMES) {
            double[] jd = jmhDefaults.get(name);
            double[] pd = oursDefaults.get(name);
            double[] jt = jmhTuned.get(name);
            double[] pt = oursTuned.get(name);
            System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.3f | %.3f | %.2f | %.2f | %.3f | %.3f | %.1f | %.1f | %s |%n",
                    name, jd[0], pd[0], pd[0] / jd[0], pd[2] / jd[0], jt[0], pt[0], pt[0] / jt[0], pt[2] / jt[0],
                    jd[1], pd[1], jd[1] < 1 ? "n/a (no allocation)" : String.format(Locale.ROOT, "%.4f", pd[1] / jd[1]));
        }
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average: "
                + DefaultsAccuracyBenchmark.loadAverage());
    }

    private static Map<String, double[]> runChildren(String[] jvmArgs, String column) throws IOException, InterruptedException {
        Map<String, double[]> ours = new LinkedHashMap<>();
        for (String name : AccuracyWorkloads.NAMES) {
            ours.put(name, runChild(name, jvmArgs, column));
        }
        return ours;
    }

    /** JMH with {@code jvmArgs} in its fork (none: the fork runs at default flags, not with this JVM's). */
    private static Map<String, double[]> runJmh(String[] jvmArgs) throws Exception {
        var options = new OptionsBuilder().include(AccuracyJmh.class.getName() + "\\.")
                .forks(1).warmupIterations(5).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .jvmArgs(jvmArgs).addProfiler(GCProfiler.class).build();
        Map<String, double[]> out = new LinkedHashMap<>();
        for (RunResult r : new Runner(options).run()) {
            String label = r.getParams().getBenchmark();
            String name = label.substring(label.lastIndexOf('.') + 1);
            Result<?> alloc = r.getSecondaryResults().get("gc.alloc.rate.norm");
            out.put(name, new double[] {r.getPrimaryResult().getScore(), alloc == null ? Double.NaN : alloc.getScore()});
        }
        return out;
    }

    private static double[] runChild(String workload, String[] jvmArgs, String column)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), AccuracyBenchmark.class.getName(),
                "--perf-junit", workload, column));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("perf-junit child for " + workload + " failed: " + out);
        }
        String[] parts = out.substring(out.lastIndexOf('\n') + 1).split(",");
        return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2])};
    }

    /**
     * Measures one workload with perf-junit's default settings (detected warm-up, adaptive 1% precision);
     * tuned: at least 5 s of samples.
     */
    private static void perfJunitChild(String workload, boolean tuned) throws Throwable {
        AccuracyWorkloads w = new AccuracyWorkloads();
        // as in a test suite: the sampler has already measured other operations in this JVM
        SamplerSettings brief = new SamplerSettings(-1, Duration.ofMillis(300), -1, 10, 200, Duration.ZERO,
                Duration.ofMillis(300), 0.01, -1, Duration.ofMillis(1), 1);
        for (String other : AccuracyWorkloads.NAMES) {
            if (!other.equals(workload)) {
                Sampler.onJvm(SamplingListener.NONE).measure(w.operation(other), brief);
            }
        }
        SamplerSettings settings = tuned ? new SamplerSettings(-1, Duration.ofSeconds(5), -1, 10, 1000,
                Duration.ofSeconds(5), Duration.ofSeconds(10), 0.01, -1, Duration.ofMillis(1), 1) : SamplerSettings.defaults();
        Measurement m = Sampler.onJvm(SamplingListener.NONE).measure(w.operation(workload), settings);
        var time = SummaryCalculator.summarize(m.nanosPerOperation());
        double[] alloc = m.samples().stream().mapToDouble(s -> (double) s.allocatedBytes() / s.operations()).toArray();
        double allocMedian = SummaryCalculator.summarize(alloc).median();
        System.err.printf(Locale.ROOT, "perf-junit %s (%s): %d samples, batch %d, steady=%s, heap-transient=%s, stop=%s%n",
                workload, tuned ? "tuned" : "defaults", m.samples().size(), m.batchSize(), m.steadyState(),
                m.heapTransient(), m.stopReason());
        System.out.printf(Locale.ROOT, "%.4f,%.4f,%.4f%n", time.median(), allocMedian, time.mean());
        if (m.samples().stream().mapToLong(Sample::operations).sum() == 0) {
            throw new IllegalStateException("no operations measured");
        }
    }
}
