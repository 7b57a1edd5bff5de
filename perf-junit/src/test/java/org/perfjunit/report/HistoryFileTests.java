package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryFileTests {

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLastRunsOfTheRetentionPlusAtMostFivePercent() throws Exception {
        Path file = dir.resolve(".perf-history/history.jsonl");
        List<HistoryRun> runs = SyntheticRuns.history(SyntheticRuns.run(6, 1), 30, 1);
        for (HistoryRun run : runs) {
            HistoryFile.record(file, run, 10);
        }

        assertThat(HistoryFile.count(file)).isBetween(10, 11);
        assertThat(HistoryFile.readLast(file, 10)).extracting(HistoryRun::runId)
                .containsExactly(runs.subList(20, 30).stream().map(HistoryRun::runId).toArray(String[]::new));
        assertThat(HistoryFile.readLast(file, 3)).extracting(HistoryRun::runId)
                .containsExactly("run-27", "run-28", "run-29");
        assertThat(HistoryFile.readLast(file, 1).get(0)).isEqualTo(runs.get(29));
        for (HistoryRun run : runs) {
            HistoryFile.record(file, run, 200);
            assertThat(HistoryFile.count(file)).isLessThanOrEqualTo(200 + 10);
        }
    }

    @Test
    void aSecondForkOfTheSameRunReplacesItsLineInsteadOfDuplicatingIt() throws Exception {
        Path file = dir.resolve("history.jsonl");
        RunResults run = SyntheticRuns.run(6, 1);
        HistoryRun first = HistoryRun.of(new RunResults(1, "run-a", run.started(), run.finished(), run.environment(),
                run.tests().subList(0, 3)));
        HistoryRun merged = HistoryRun.of(new RunResults(1, "run-a", run.started(), run.finished(), run.environment(),
                run.tests()));
        HistoryFile.record(file, HistoryRun.of(new RunResults(1, "run-0", run.started(), run.finished(),
                run.environment(), run.tests())), 200);
        HistoryFile.record(file, first, 200);
        HistoryFile.record(file, merged, 200);

        List<HistoryRun> runs = HistoryFile.readLast(file, 200);
        assertThat(runs).extracting(HistoryRun::runId).containsExactly("run-0", "run-a");
        assertThat(runs.get(1).tests()).hasSize(6);
    }

    @Test
    void aTornLastLineFromAKilledWriterIsSkippedAndCutOffByTheNextWriter() throws Exception {
        Path file = dir.resolve("history.jsonl");
        List<HistoryRun> runs = SyntheticRuns.history(SyntheticRuns.run(6, 1), 3, 1);
        HistoryFile.record(file, runs.get(0), 200);
        Files.writeString(file, "{\"runId\":\"run-torn\",\"tes", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        List<String> warnings = new java.util.ArrayList<>();
        assertThat(HistoryFile.readLast(file, 10, warnings::add)).extracting(HistoryRun::runId).containsExactly("run-0");
        HistoryFile.record(file, runs.get(1), 200, warnings::add);
        assertThat(warnings).containsExactly(
                "history file [" + file + "] ends in an incomplete line of 24 bytes (a writer was killed mid-append); it is skipped",
                "history file [" + file + "] ends in an incomplete line of 24 bytes (a writer was killed mid-append);"
                        + " it is cut off before this run is added");
        assertThat(Files.readAllLines(file)).hasSize(2).noneMatch(l -> l.contains("run-torn"));
        assertThat(HistoryFile.readLast(file, 10)).extracting(HistoryRun::runId).containsExactly("run-0", "run-1");
    }

    @Test
    void aFileThatIsNotAHistoryIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("history.jsonl");
        HistoryRun run = SyntheticRuns.history(SyntheticRuns.run(1, 1), 1, 1).get(0);
        for (String content : List.of("[1, 2]\n", "some notes\n", "\u0000\u00ff garbage")) {
            Files.writeString(file, content);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> HistoryFile.record(file, run, 200))
                    .isInstanceOf(ResultFileException.class).hasMessageContaining(file.toString())
                    .hasMessageContaining("left untouched");
            assertThat(Files.readString(file)).isEqualTo(content);
        }
    }

    @Test
    void aRetentionOfZeroWritesNothing() throws Exception {
        Path file = dir.resolve("history.jsonl");
        HistoryFile.record(file, SyntheticRuns.history(SyntheticRuns.run(1, 1), 1, 1).get(0), 0);
        assertThat(file).doesNotExist();
    }
}
