package org.perfjunit.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why perf-junit and JMH disagreed on the 128x128 matmul at default flags until perf-junit stopped collecting
 * between a test's set-up and its measurement: where the collector last put the matrices' rows. Runs
 * {@link PlainTimingLoop} (no harness) on {@code matmul128} (or {@code --workload NAME}, one of
 * {@link AccuracyWorkloads#NAMES}) in fresh JVMs, alternating: as JMH runs it (G1, the rows moved by young
 * collections), with one {@code System.gc()} before allocating them (where perf-junit collects now), with one
 * after allocating them (where perf-junit collected before), and with the Serial collector (what HotSpot picks
 * on one CPU, e.g. under {@code taskset -c 1}). Prints each variant's medians per call.
 *
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.HeapLayoutBenchmark -Dbench.args="--rounds 3 --workload sort100k"
 * </pre>
 */
public final class HeapLayoutBenchmark {

    private HeapLayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        String workload = "matmul128";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--workload" -> workload = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --rounds N, --workload NAME");
            }
        }
        List<Variant> variants = List.of(
                new Variant("G1, no collection (as JMH runs it)", List.of(), workload),
                new Variant("G1, System.gc() before allocating (as perf-junit collects)", List.of(), workload,
                        "collect-before"),
                new Variant("G1, System.gc() after allocating (as perf-junit collected until 2026-12-02)", List.of(),
                        workload, "collect"),
                new Variant("Serial collector, no collection (one CPU picks it)", List.of("-XX:+UseSerialGC"),
                        workload));
        Map<String, List<String>> medians = new LinkedHashMap<>();
        variants.forEach(v -> medians.put(v.label(), new ArrayList<>()));
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average before: "
                + DefaultsAccuracyBenchmark.loadAverage());
        for (int r = 0; r < rounds; r++) {
            for (Variant v : variants) {
                double median = PlainTimingLoop.inFreshJvm(v.jvmFlags(), v.arguments())[0];
                medians.get(v.label()).add(String.format(Locale.ROOT, "%,.0f", median));
            }
        }
        System.out.println("| plain loop, " + workload + " | median ns per call, one fresh JVM each |");
        System.out.println("|---|---|");
        medians.forEach((k, v) -> System.out.println("| " + k + " | " + String.join(", ", v) + " |"));
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average after: "
                + DefaultsAccuracyBenchmark.loadAverage());
    }

    /** One way to run the plain loop: its row label, JVM flags and arguments. */
    private record Variant(String label, List<String> jvmFlags, String... arguments) {
    }
}
