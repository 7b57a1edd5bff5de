package org.perfjunit.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link GemmBenchmark} and prints one line per contender: GFLOPS and percent of the
 * {@link org.perfjunit.sim.tensor.PeakModel} peak. Extra arguments are passed to JMH (e.g. {@code -wi 1}).
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec -Dbench.main=org.perfjunit.bench.GemmReport
 * </pre>
 */
public final class GemmReport {

    private GemmReport() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(GemmBenchmark.class.getName() + "\\.")
                .build()).run();
        System.out.println();
        System.out.println("1024×1024 GEMM; peak model: " + GemmCounters.PEAK.describe());
        System.out.printf(Locale.ROOT, "%-18s %7s %10s %10s %9s%n", "contender", "threads", "GFLOPS", "± (99.9%)", "% peak");
        for (RunResult run : results) {
            Result<?> gflops = run.getSecondaryResults().get("gflops");
            Result<?> percent = run.getSecondaryResults().get("percentOfPeak");
            String label = run.getParams().getBenchmark().replaceFirst(".*\\.", "");
            System.out.printf(Locale.ROOT, "%-18s %7s %10.1f %10.1f %8.0f%%%n", label, run.getParams().getParam("threads"),
                    gflops.getScore(), gflops.getScoreError(), percent.getScore());
        }
    }
}
