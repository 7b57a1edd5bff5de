package org.perfjunit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.baseline.SyntheticResults;
import org.perfjunit.model.CpuIdentity;
import org.perfjunit.model.Environment;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class PerfJunitCliTests {

    private static final String CLASS = "com.example.KernelTests";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        return PerfJunitCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path results(String name, double matmulNanos, double fftNanos) throws Exception {
        return results(name, matmulNanos, fftNanos, SyntheticResults.ENVIRONMENT);
    }

    private Path results(String name, double matmulNanos, double fftNanos, Environment environment) throws Exception {
        RunResults run = new RunResults(RunResults.SCHEMA_VERSION, name, Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2026-01-02T03:05:05Z"), environment, List.of(
                SyntheticResults.result(CLASS, "matmul", SyntheticResults.time(matmulNanos, 0.01, name.hashCode())),
                SyntheticResults.result(CLASS, "fft", SyntheticResults.time(fftNanos, 0.01, name.hashCode() + 1))));
        Path file = Files.createDirectories(dir.resolve(name)).resolve("perf-results.json");
        ResultJson.mapper().writeValue(file.toFile(), run);
        return file;
    }

    @Test
    void comparingTwoEqualRunsExitsZero() throws Exception {
        assertThat(cli("compare", results("base", 10e6, 1e6).toString(), results("now", 10e6, 1e6).toString())).isZero();
        assertThat(stdout()).contains("STABLE").contains("2 comparison(s): 2 stable");
    }

    @Test
    void aCriticalRegressionExitsOneAndAWarningOnlyWithFailOnWarning() throws Exception {
        Path base = results("base", 10e6, 1e6);
        assertThat(cli("compare", base.toString(), results("slow", 13e6, 1e6).toString())).isEqualTo(1);
        assertThat(stdout()).contains("CRITICAL     com.example.KernelTests#matmul(): median time [");
        Path warn = results("warn", 11e6, 1e6);
        assertThat(cli("compare", base.toString(), warn.toString())).isZero();
        assertThat(cli("compare", base.toString(), warn.toString(), "--fail-on", "warning")).isEqualTo(1);
    }

    @Test
    void aConfigFileSetsThresholdsAsTheTestsDo() throws Exception {
        Path base = results("base", 10e6, 1e6);
        Path slow = results("slow", 13e6, 1e6);
        Path config = dir.resolve("junit-platform.properties");
        Files.writeString(config, "perf.junit.baseline.warning.time=20%\nperf.junit.baseline.critical.time=50%\n");
        assertThat(cli("compare", base.toString(), slow.toString(), "--config", config.toString())).isZero();
        assertThat(stdout()).contains("WARNING").doesNotContain("CRITICAL");
        Files.writeString(config, "perf.junit.baseline.critical.time=fast\n");
        assertThat(cli("compare", base.toString(), slow.toString(), "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("In --config [" + config + "]")
                .contains("perf.junit.baseline.critical.time");
        assertThat(cli("compare", base.toString(), slow.toString(), "--config", dir.resolve("none").toString())).isEqualTo(2);
    }

    @Test
    void promotedBaselinesAreFoundInTheirEnvironmentFolder() throws Exception {
        Path baselines = dir.resolve("baselines");
        assertThat(cli("baseline", "promote", results("base", 10e6, 1e6).toString(), "--dir", baselines.toString())).isZero();
        Path file = baselines.resolve(EnvironmentKey.of(SyntheticResults.ENVIRONMENT)).resolve(CLASS + ".json");
        assertThat(file).exists();
        assertThat(stdout()).contains("promoted 2 test(s)");
        assertThat(cli("compare", baselines.toString(), results("slow", 13e6, 1e6).getParent().toString(),
                "--format", "markdown")).isEqualTo(1);
        assertThat(stdout()).contains("| CRITICAL | `com.example.KernelTests#matmul()` | median time |");
        assertThat(cli("compare", file.toString(), results("same", 10e6, 1e6).toString(), "--format=json")).isZero();
        assertThat(stdout()).contains("\"exitCode\" : 0").contains("\"level\" : \"STABLE\"");
    }

    @Test
    void testsWithoutABaselineAreNew() throws Exception {
        Path base = results("base", 10e6, 1e6);
        String json = Files.readString(base).replace("#fft()", "#fft2()");
        Files.writeString(base, json);
        assertThat(cli("compare", base.toString(), results("now", 10e6, 1e6).toString())).isZero();
        assertThat(stdout()).contains("NEW          com.example.KernelTests#fft()");
    }

    @Test
    void resultsOfDifferentRunsUnderOneDirectoryAreRefused() throws Exception {
        Path base = results("base", 10e6, 1e6);
        results("now", 10e6, 1e6);
        Files.move(dir.resolve("now"), Files.createDirectories(dir.resolve("current")).resolve("module-a"));
        Path stale = results("stale", 10e6, 1e6);
        Files.move(stale.getParent(), dir.resolve("current/module-b"));

        assertThat(cli("compare", base.toString(), dir.resolve("current").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("come from different runs (run [now] in [")
                .contains("run [stale] in [").contains("Delete the stale one or name one file");
    }

    @Test
    void badInputAndUsageExitTwo() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"schemaVersion\": 1, \"tests\": [");
        Path good = results("now", 10e6, 1e6);
        assertThat(cli("compare", broken.toString(), good.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Results file [" + broken + ":1:")
                .doesNotContain("aseline");
        assertThat(cli("compare", dir.resolve("missing.json").toString(), good.toString())).isEqualTo(2);
        assertThat(cli("compare", good.toString())).isEqualTo(2);
        assertThat(cli("compare", good.toString(), good.toString(), "--fail-on", "sometimes")).isEqualTo(2);
        assertThat(cli("compare", good.toString(), good.toString(), "--colour", "red")).isEqualTo(2);
        assertThat(cli("frobnicate")).isEqualTo(2);
        assertThat(cli()).isEqualTo(2);
        assertThat(cli("--help")).isZero();
        assertThat(stdout()).contains("Exit codes: 0 ok, 1 regression, 2 bad input or usage.");
    }

    @Test
    void aReferenceFromAnotherMachineIsShownAndNeverFailsTheRun() throws Exception {
        Environment e = SyntheticResults.ENVIRONMENT;
        Environment olderCpu = new Environment(e.os(), e.osVersion(), e.arch(), e.cpuModel(), e.logicalCores(),
                e.jvmMajor(), e.jvmVendor(), e.jvmVersion(), e.gc(), e.maxHeapBytes(), e.gitCommit(), e.hostname(),
                new CpuIdentity("AuthenticAMD", 23, 49, 0, 512L << 10, 16L << 20, true));
        Path fastHost = results("fast", 5e6, 1e6, olderCpu);
        assertThat(cli("compare", fastHost.toString(), results("now", 10e6, 1e6).toString())).isZero();
        assertThat(stdout()).contains("on another machine (CPU family 23 vs 26", "not judged");
    }

    @Test
    void aConfigFileWithARenamedKeyUnderItsOldSpellingIsWarnedAbout() {
        Properties properties = new Properties();
        properties.setProperty("perf.junit.baseline.max_samples", "50");
        properties.setProperty("perf.junit.baseline.fail.on.inconclusive", "true");
        properties.setProperty("perf.junit.baseline.fail_on_inconclusive", "false");
        assertThat(ConfigFile.deprecationWarnings(properties)).containsExactly("configuration key "
                + "[perf.junit.baseline.max_samples] is deprecated and will be removed; rename it to "
                + "[perf.junit.baseline.max.samples]");
    }
}
