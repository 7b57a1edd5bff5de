package org.perfjunit.report;

import org.perfjunit.Direction;
import org.perfjunit.result.RunResults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a run's report files and its history line, as configured. Knows nothing of JUnit, so the
 * CLI can render reports from a {@code perf-results.json} with the same code. Every file is
 * replaced atomically; callers serialize concurrent writers (see {@link RunMerger}).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Records {@code run} in the history (when retention > 0) and writes the configured formats.
     *
     * @return the files written
     */
    public static List<Path> write(ReportConfiguration config, RunResults run) throws IOException {
        List<HistoryRun> history = List.of();
        if (config.historyRetention() > 0) {
            HistoryFile.record(config.historyFile(), HistoryRun.of(run), config.historyRetention());
            history = HistoryFile.readLast(config.historyFile(), HtmlReport.MAX_TREND_RUNS);
        }
        return write(config, run, history);
    }

    /** Writes the configured formats for {@code run} with trends from {@code history}; the history file is untouched. */
    public static List<Path> write(ReportConfiguration config, RunResults run, List<HistoryRun> history)
            throws IOException {
        Path dir = config.reportDir();
        List<Path> written = new ArrayList<>();
        for (ReportFormat format : config.formats()) {
            Path file = dir.resolve(format.fileName());
            switch (format) {
                case JSON -> RunResultsFile.write(file, run);
                case MARKDOWN -> AtomicFileWriter.write(file, MarkdownReport.render(run));
                case HTML -> AtomicFileWriter.write(file, HtmlReport.render(run, history));
                case JMH -> AtomicFileWriter.write(file, JmhExport.render(run));
                case GITHUB -> {
                    AtomicFileWriter.write(file, GithubBenchmarkExport.render(run, Direction.LOWER_IS_BETTER));
                    Path bigger = dir.resolve(GithubBenchmarkExport.BIGGER_IS_BETTER_FILE);
                    AtomicFileWriter.write(bigger, GithubBenchmarkExport.render(run, Direction.HIGHER_IS_BETTER));
                    written.add(bigger);
                }
            }
            written.add(file);
        }
        return written;
    }
}
