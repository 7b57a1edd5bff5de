package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.perfjunit.cli.PerfJunitCli;
import org.perfjunit.report.RunResultsFile;
import org.perfjunit.model.RunResults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A broken side file never turns a gate green: a bad history costs the trend chart only, a run that
 * cannot write its results leaves no older {@code perf-results.json} behind, and with
 * {@code perf.junit.report.required} the run fails.
 */
@DisplayName("Broken report files")
class BrokenReportFilesTests {

    @TempDir
    Path dir;

    private Path reports;

    @org.junit.jupiter.api.BeforeEach
    void reportsDir() {
        reports = dir.resolve("target/perf-reports");
    }

    /** Time per invocation on a scripted clock, from the configuration parameter {@code fixture.nanos}. */
    static final class ScriptedSpeed extends ScriptedClock.Extension {
        @Override
        long[] script(ExtensionContext context) {
            long nanos = Long.parseLong(context.getConfigurationParameter("fixture.nanos").orElse("1000000"));
            return new long[] {nanos, nanos + nanos / 10, nanos - nanos / 20};
        }
    }

    @ExtendWith(ScriptedSpeed.class)
    static class KernelTestCase {
        @Test
        @Performance
        void kernel(ScriptedClock clock) {
            clock.invoke();
        }
    }

    @ParameterizedTest(name = "history holding {0}")
    @ValueSource(strings = {"healthy", "512 random bytes", "a newline-terminated half line", "a torn tail",
            "a torn tail inside a line"})
    @DisplayName("a 5x slower build fails the README's CI recipe whatever the history holds")
    void slowerBuildFailsTheGate(String history) throws Exception {
        Path historyFile = dir.resolve(".perf-history/history.jsonl");
        suite(1_000_000, "json,markdown,html");
        assertThat(cli("baseline", "promote", reports.resolve("perf-results.json").toString(),
                "--dir", dir.resolve("baselines").toString())).isEqualTo(PerfJunitCli.OK);
        String firstRun = RunResultsFile.read(reports.resolve("perf-results.json")).runId();
        String firstMarkdown = Files.readString(reports.resolve("perf-report.md"));
        String firstHtml = Files.readString(reports.resolve("perf-report.html"));
        byte[] corrupt = corrupt(history, Files.readAllBytes(historyFile));
        Files.write(historyFile, corrupt);

        suite(5_000_000, "json,markdown,html");

        RunResults current = RunResultsFile.read(reports.resolve("perf-results.json"));
        assertThat(current.tests()).hasSize(1);
        assertThat(Files.readString(reports.resolve("perf-report.md"))).contains(current.runId())
                .as("the Markdown report of the slower run").isNotEqualTo(firstMarkdown);
        assertThat(Files.readString(reports.resolve("perf-report.html"))).contains(current.runId())
                .as("the HTML report of the slower run").isNotEqualTo(firstHtml);
        if (!history.equals("healthy") && !history.startsWith("a torn tail")) {
            assertThat(Files.readAllBytes(historyFile)).as("a broken history is left untouched").isEqualTo(corrupt);
        }
        assertThat(cli("compare", dir.resolve("baselines").toString(), reports.toString()))
                .as("CLI exit code; first run %s", firstRun).isEqualTo(PerfJunitCli.REGRESSION);
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("CRITICAL");
    }

    @Test
    @DisplayName("a run that cannot write its results removes the older perf-results.json and says so")
    void staleResultsAreRemoved() throws Exception {
        suite(1_000_000, "json");
        olderRun(reports.resolve("perf-results.json"));
        blockParts(reports);

        EngineExecutionResults results = engine(reports, "false");

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        results.containerEvents().assertStatistics(s -> s.failed(0));
        assertThat(reports.resolve("perf-results.json")).doesNotExist();
        assertThat(cli("compare", dir.resolve("none").toString(), reports.toString())).isEqualTo(PerfJunitCli.BAD_INPUT);
    }

    @Test
    @DisplayName("with perf.junit.report.required, results that cannot be written fail the engine's run")
    void requiredResultsFailTheRun() throws Exception {
        suite(1_000_000, "json");
        olderRun(reports.resolve("perf-results.json"));
        blockParts(reports);

        EngineExecutionResults results = engine(reports, "true");

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        results.containerEvents().assertStatistics(s -> s.failed(1));
        Throwable failure = results.containerEvents().failed().list().get(0)
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
        assertThat(failure).hasRootCauseInstanceOf(java.io.IOException.class);
        assertThat(failure.getCause()).isInstanceOf(org.perfjunit.report.ResultsNotWrittenException.class);
        assertThat(failure.getCause().getMessage()).startsWith("the run's results [" + reports.resolve("perf-results.json") + "] could not be written")
                .contains("perf.junit.report.required is true (CI=true sets it), so the run fails");
        assertThat(reports.resolve("perf-results.json")).doesNotExist();
    }

    @Test
    @DisplayName("with perf.junit.report.required, a test whose result cannot be saved fails")
    void requiredResultFileFailsTheTest() throws Exception {
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("results"), "in the way");

        EngineExecutionResults results = engine(reports, "true");

        results.testEvents().assertStatistics(s -> s.failed(1));
        assertThat(PerfTestKit.message(results.testEvents().failed().list().get(0)))
                .contains("the result of " + KernelTestCase.class.getName() + "#kernel(")
                .contains("could not be saved")
                .contains("perf.junit.report.required is true");
    }

    /** Rewrites {@code file} as the results of another, earlier run (this JVM's runs share one run id). */
    private static void olderRun(Path file) throws Exception {
        RunResults run = RunResultsFile.read(file);
        RunResultsFile.write(file, new RunResults(run.schemaVersion(), "run-1-1", run.started(), run.finished(),
                run.environment(), run.tests()));
    }

    /** The parts directory is a file: merging, and so writing perf-results.json, fails. */
    private static void blockParts(Path reports) throws Exception {
        Path parts = reports.resolve("parts");
        try (var files = Files.list(parts)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(parts);
        Files.writeString(parts, "in the way");
    }

    private EngineExecutionResults engine(Path reports, String required) {
        return EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(settings(reports, 1_000_000))
                .configurationParameter("perf.junit.report.required", required)
                .selectors(selectClass(KernelTestCase.class))
                .execute();
    }

    private Map<String, String> settings(Path reports, long nanos) {
        return Map.of("perf.junit.warmup.iterations", "2",
                "perf.junit.measurement.iterations", "20",
                "perf.junit.measurement.batch.size", "1",
                "perf.junit.baseline.mode", "off",
                "perf.junit.report.dir", reports.toString(),
                "perf.junit.report.console", "false",
                "perf.junit.history.file", dir.resolve(".perf-history/history.jsonl").toString(),
                "fixture.nanos", Long.toString(nanos));
    }

    /** Runs the fixture through the launcher, so the report listener writes the reports as in a build. */
    private void suite(long nanos, String formats) {
        var request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(KernelTestCase.class))
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(settings(reports, nanos))
                .configurationParameter("perf.junit.report.formats", formats)
                .build();
        LauncherFactory.create().execute(request);
    }

    private static byte[] corrupt(String kind, byte[] history) {
        String line = new String(history, StandardCharsets.UTF_8);
        return switch (kind) {
            case "healthy" -> history;
            case "512 random bytes" -> {
                byte[] noise = new byte[512];
                new Random(18).nextBytes(noise);
                yield noise;
            }
            case "a newline-terminated half line" -> (line + line.substring(0, line.length() / 2) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            case "a torn tail" -> (line + line.substring(0, line.length() / 2)).getBytes(StandardCharsets.UTF_8);
            case "a torn tail inside a line" -> (line + line.substring(line.length() / 2, line.length() - 1))
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

    private int cli(String... args) {
        return PerfJunitCli.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }
}
