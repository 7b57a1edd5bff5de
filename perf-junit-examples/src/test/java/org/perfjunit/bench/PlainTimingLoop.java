package org.perfjunit.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The third opinion of {@link DefaultsAccuracyBenchmark}: neither perf-junit nor JMH, a plain
 * {@code System.nanoTime} loop with a volatile sink, in a JVM at default flags. Warms up for 5 s,
 * then times 100 chunks of about 20 ms each; prints the median and mean ns per invocation.
 */
public final class PlainTimingLoop {

    /** Every result is written here, so the JIT must compute it (a volatile store per invocation). */
    private static volatile Object sink;
    private static volatile double doubleSink;

    private PlainTimingLoop() {
    }

    /**
     * {@code <workload> [collect-before|collect] [warmup=SECONDS] [chunk=MS]}: with {@code collect-before}, one
     * {@code System.gc()} before the workload's data is allocated, as perf-junit collects before a test builds its
     * data; with {@code collect}, one after, as perf-junit collected before it measured until 2026-12-02
     * ({@link HeapLayoutBenchmark}); {@code warmup} sets the warm-up (default 5 s, JMH's {@code -wi 5 -w 1s});
     * {@code chunk} the time of one timed chunk (default 20 ms; 2 s of chunks are timed, at least 100). Short chunks
     * make the median, like perf-junit's of ~1 ms samples, leave out the chunks a collection lands in; 20 ms chunks
     * each include their share of them, like JMH's means.
     */
    public static void main(String[] args) {
        String name = args[0];
        long warmupSeconds = 5;
        boolean collectBefore = false;
        boolean collectAfter = false;
        long chunkNanos = 20_000_000L;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("collect-before")) {
                collectBefore = true;
            } else if (args[i].equals("collect")) {
                collectAfter = true;
            } else if (args[i].startsWith("chunk=")) {
                chunkNanos = Long.parseLong(args[i].substring("chunk=".length())) * 1_000_000L;
            } else if (args[i].startsWith("warmup=")) {
                warmupSeconds = Long.parseLong(args[i].substring("warmup=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected collect-before, collect, warmup=SECONDS or chunk=MS");
            }
        }
        if (collectBefore) {
            System.gc();
        }
        AccuracyWorkloads w = new AccuracyWorkloads();
        if (collectAfter) {
            System.gc();
        }
        long perChunk = 1;
        long end = System.nanoTime() + warmupSeconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t = chunk(w, name, perChunk);
            if (t < chunkNanos) {
                perChunk = Math.max(perChunk + 1, perChunk * 2);
            }
        }
        double[] perOp = new double[(int) Math.max(100, 2_000_000_000L / chunkNanos)];
        for (int i = 0; i < perOp.length; i++) {
            perOp[i] = (double) chunk(w, name, perChunk) / perChunk;
        }
        Arrays.sort(perOp);
        int half = perOp.length / 2;
        double median = (perOp[half - 1] + perOp[half]) / 2;
        System.out.printf(Locale.ROOT, "%.4f,%.4f%n", median, Arrays.stream(perOp).average().orElseThrow());
    }

    /**
     * Runs this loop in a fresh JVM ({@code jvmFlags} first, then {@code arguments}: the workload, optionally
     * {@code collect-before} or {@code collect}) and returns its median and mean ns per invocation.
     */
    static double[] inFreshJvm(List<String> jvmFlags, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmFlags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PlainTimingLoop.class.getName()));
        command.addAll(List.of(arguments));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("plain loop " + command + " failed: " + out);
        }
        return Arrays.stream(out.split(",")).mapToDouble(Double::parseDouble).toArray();
    }

    private static long chunk(AccuracyWorkloads w, String name, long n) {
        long t0 = System.nanoTime();
        switch (name) {
            case "empty" -> {
                for (long i = 0; i < n; i++) {
                    sink = AccuracyWorkloads.empty();
                }
            }
            case "sumArray" -> {
                for (long i = 0; i < n; i++) {
                    doubleSink = w.sumArray();
                }
            }
            case "matmul128" -> {
                for (long i = 0; i < n; i++) {
                    sink = w.matmul128();
                }
            }
            case "sort100k" -> {
                for (long i = 0; i < n; i++) {
                    sink = w.sort100k();
                }
            }
            case "alloc1MiB" -> {
                for (long i = 0; i < n; i++) {
                    sink = AccuracyWorkloads.alloc1MiB();
                }
            }
            default -> throw new IllegalArgumentException("unknown workload " + name);
        }
        return System.nanoTime() - t0;
    }
}
