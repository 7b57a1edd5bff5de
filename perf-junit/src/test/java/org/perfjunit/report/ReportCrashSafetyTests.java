package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.KilledWriter;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JVM killed with SIGKILL while it appends to the history or writes the reports leaves every file
 * complete and parseable, and no earlier history run is lost. Trials:
 * {@code -Dperf.junit.crash.trials=200} for the long version (default 4).
 */
class ReportCrashSafetyTests {

    @TempDir
    Path dir;

    @Test
    void aHistoryWriterKilledMidAppendLosesNoEarlierRunAndItsTornLineIsRepaired() throws Exception {
        KilledWriter killer = new KilledWriter(23);
        Path file = dir.resolve("history.jsonl");
        List<String> seen = new ArrayList<>();
        int torn = 0;
        for (int trial = 0; trial < KilledWriter.trials(); trial++) {
            String prefix = "t" + trial + "-";
            killer.runAndKill(ReportWriterMain.class, () -> lastRunId(file).startsWith(prefix), 30,
                    "history", dir.toString(), "t" + trial, "1000000");

            byte[] bytes = Files.readAllBytes(file);
            int end = lastNewline(bytes) + 1;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\n")) {
                ResultJson.mapper().readValue(line, HistoryRun.class); // every complete line is a run
            }
            List<String> warnings = new ArrayList<>();
            List<String> ids = HistoryFile.readLast(file, 10_000, warnings::add).stream().map(HistoryRun::runId).toList();
            torn += end < bytes.length ? 1 : 0;
            assertThat(warnings).as("trial %d", trial).hasSize(end < bytes.length ? 1 : 0);

            int last = Integer.parseInt(ids.get(ids.size() - 1).substring(prefix.length()));
            List<String> expected = new ArrayList<>(seen);
            IntStream.rangeClosed(0, last).mapToObj(i -> prefix + i).forEach(expected::add);
            assertThat(ids).as("trial %d: a suffix of every run written, in order", trial)
                    .hasSizeGreaterThanOrEqualTo(Math.min(ReportWriterMain.RETENTION, expected.size()))
                    .isEqualTo(expected.subList(expected.size() - ids.size(), expected.size()));
            seen = ids;
        }
        System.out.printf("history crash trials: %d survived, %d left a torn last line (repaired)%n",
                KilledWriter.trials(), torn);
    }

    @Test
    void aReportWriterKilledMidWriteLeavesCompleteReportsFromOneWrite() throws Exception {
        KilledWriter killer = new KilledWriter(29);
        Path json = dir.resolve(ReportFormat.JSON.fileName());
        Path markdown = dir.resolve(ReportFormat.MARKDOWN.fileName());
        Path html = dir.resolve(ReportFormat.HTML.fileName());
        for (int trial = 0; trial < KilledWriter.trials(); trial++) {
            String prefix = "t" + trial + "-";
            BooleanSupplier writing = () -> Files.exists(html) && Files.exists(markdown) && readRunId(json).startsWith(prefix);
            killer.runAndKill(ReportWriterMain.class, writing, 60, "reports", dir.toString(), "t" + trial, "1000000");

            RunResults run = RunResultsFile.read(json);
            assertThat(run).isEqualTo(ReportWriterMain.run(run.runId()));
            // each file is complete from one write, and names its run: a kill may leave files of different runs
            String mdRun = between(Files.readString(markdown), "<!-- perf-junit run ", " -->");
            String htmlRun = between(Files.readString(html), "<meta name=\"perf-junit-run\" content=\"", "\">");
            assertThat(Files.readString(markdown)).as("trial %d", trial)
                    .isEqualTo(MarkdownReport.render(ReportWriterMain.run(mdRun)));
            assertThat(Files.readString(html)).as("trial %d", trial)
                    .isEqualTo(HtmlReport.render(ReportWriterMain.run(htmlRun), List.of()));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).count())
                    .as("temp files of killed writers (harmless, never read)").isLessThanOrEqualTo(3L * KilledWriter.trials());
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String lastRunId(Path file) {
        try {
            List<HistoryRun> runs = HistoryFile.readLast(file, 1, warning -> { });
            return runs.isEmpty() ? "" : runs.get(0).runId();
        } catch (Exception e) {
            return "";
        }
    }

    private static String readRunId(Path file) {
        try {
            return RunResultsFile.read(file).runId();
        } catch (Exception e) {
            return "";
        }
    }

    private static int lastNewline(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
