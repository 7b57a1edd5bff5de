package org.perfjunit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why perf-junit and JMH disagree on the 128x128 matmul at default flags: where the collector last put the
 * matrices' rows. Runs {@link PlainTimingLoop} (no harness) on {@code matmul128} in fresh JVMs, alternating:
 * as JMH runs it (G1, the rows moved by young collections), with one {@code System.gc()} after allocating
 * them (perf-junit's collection before measuring), and with the Serial collector (what HotSpot picks on one
 * CPU, e.g. under {@code taskset -c 1}). Prints each variant's medians per call.
 *
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.HeapLayoutBenchmark -Dbench.args="--rounds 3"
 * </pre>
 */
public final class HeapLayoutBenchmark {

    private HeapLayoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length >= 2 && args[0].equals("--rounds") ? Integer.parseInt(args[1]) : 3;
        Map<String, List<String>> variants = new LinkedHashMap<>();
        variants.put("G1, no collection (as JMH runs it)", List.of("matmul128"));
        variants.put("G1, System.gc() after allocating (as perf-junit collects)", List.of("matmul128", "collect"));
        variants.put("Serial collector, no collection (one CPU picks it)", List.of("-XX:+UseSerialGC", "matmul128"));
        Map<String, List<String>> medians = new LinkedHashMap<>();
        variants.keySet().forEach(k -> medians.put(k, new ArrayList<>()));
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average before: "
                + DefaultsAccuracyBenchmark.loadAverage());
        for (int r = 0; r < rounds; r++) {
            for (Map.Entry<String, List<String>> v : variants.entrySet()) {
                medians.get(v.getKey()).add(String.format(Locale.ROOT, "%,.0f", plainLoopMedian(v.getValue())));
            }
        }
        System.out.println("| plain loop, matmul 128 | median ns per call, one fresh JVM each |");
        System.out.println("|---|---|");
        medians.forEach((k, v) -> System.out.println("| " + k + " | " + String.join(", ", v) + " |"));
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average after: "
                + DefaultsAccuracyBenchmark.loadAverage());
    }

    /** {@link PlainTimingLoop}'s median in a fresh JVM; JVM flags first, then its arguments. */
    private static double plainLoopMedian(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        arguments.stream().filter(a -> a.startsWith("-XX")).forEach(command::add);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainTimingLoop.class.getName()));
        arguments.stream().filter(a -> !a.startsWith("-XX")).forEach(command::add);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("plain loop failed: " + command);
        }
        return Double.parseDouble(out.split(",")[0]);
    }
}
