package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Two forked JVMs of one run (simulated by two reporters with different JVM ids) end with one complete report. */
class RunMergerTests {

    @TempDir
    Path dir;

    @Test
    void twoForksOfOneRunProduceOneCompleteReportWithoutDuplicates() throws Exception {
        RunResults all = SyntheticRuns.run(10, 5);
        ReportSettings config = ReportSettings.defaults().withReportDir(dir.resolve("reports"));
        config = new ReportSettings(config.reportDir(), config.formats(), dir.resolve("history.jsonl"), 200, false, false);
        RunKey run = new RunKey("run-" + ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli());
        Path stale = dir.resolve("reports/parts/run-999999999-1--1-1.json");
        Files.createDirectories(stale.getParent());
        Files.writeString(stale, "{}");

        List<String> warnings = new ArrayList<>();
        // fork 1 ran tests 0-5, fork 2 ran tests 5-9 (test 5 in both: e.g. a rerun; must appear once)
        fork(config, run, "fork-1").report(write(all.tests().subList(0, 6)), SyntheticRuns.T0, warnings);
        RunResults merged = fork(config, run, "fork-2").report(write(all.tests().subList(5, 10)), SyntheticRuns.T0,
                warnings);

        assertThat(warnings).isEmpty();
        RunResults written = RunResultsFile.read(dir.resolve("reports/perf-results.json"));
        assertThat(written).isEqualTo(merged);
        assertThat(written.tests()).extracting(TestResult::id).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.tests().stream().map(TestResult::id).toList());
        assertThat(HistoryFile.readLast(dir.resolve("history.jsonl"), 10)).singleElement()
                .satisfies(h -> assertThat(h.tests()).hasSize(10));
        assertThat(Files.readString(dir.resolve("reports/perf-report.md")).lines().filter(l -> l.startsWith("| :")))
                .hasSize(10);
        assertThat(stale).doesNotExist();
    }

    @Test
    void partsOfAnotherLiveRunAreNotMerged() throws Exception {
        RunResults all = SyntheticRuns.run(4, 5);
        ReportSettings config = new ReportSettings(dir.resolve("reports"),
                java.util.EnumSet.of(ReportFormat.JSON), dir.resolve("history.jsonl"), 0, false, false);
        String self = "run-" + ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().orElseThrow().toEpochMilli();
        fork(config, new RunKey(self), "a").report(write(all.tests().subList(0, 2)), SyntheticRuns.T0, new ArrayList<>());
        RunResults other = fork(config, RunKey.of(ProcessHandle.current().parent().orElseThrow()), "b")
                .report(write(all.tests().subList(2, 4)), SyntheticRuns.T0, new ArrayList<>());

        assertThat(other.tests()).hasSize(2);
    }

    private RunReporter fork(ReportSettings config, RunKey run, String jvm) {
        return new RunReporter(config, new PrintStream(new ByteArrayOutputStream()), () -> SyntheticRuns.ENV,
                Clock.fixed(SyntheticRuns.T0.plusSeconds(100), ZoneOffset.UTC), run, jvm);
    }

    private List<Path> write(List<TestResult> tests) throws Exception {
        List<Path> files = new ArrayList<>();
        for (TestResult t : tests) {
            files.add(ResultFiles.write(dir.resolve("reports"), t));
        }
        return files;
    }
}
