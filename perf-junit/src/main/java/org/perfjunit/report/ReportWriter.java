package org.perfjunit.report;

import org.perfjunit.model.AtomicFiles;
import org.perfjunit.model.Direction;
import org.perfjunit.model.RunResults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a run's report files and its history line, as configured. Knows nothing of JUnit, so the
 * CLI can render reports from a {@code perf-results.json} with the same code. Every file is
 * replaced atomically; callers serialize concurrent writers (see {@link RunMerger}).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * Records {@code run} in the history (when retention > 0) and writes the configured formats. Each
     * file stands on its own: a history that cannot be read or extended costs the trend chart (a line in
     * {@code warnings}), a report format that cannot be written costs that file; only a failure to write
     * {@code perf-results.json} is thrown, after every other file had its chance.
     *
     * @return the files written
     * @throws ResultsNotWrittenException when {@code perf-results.json} could not be written
     */
    public static List<Path> write(ReportSettings config, RunResults run, List<String> warnings)
            throws IOException {
        List<HistoryRun> history = List.of();
        if (config.historyRetention() > 0) {
            try {
                HistoryFile.record(config.historyFile(), HistoryRun.of(run), config.historyRetention());
                history = HistoryFile.readLast(config.historyFile(), HtmlReport.MAX_TREND_RUNS);
            } catch (IOException | RuntimeException e) {
                warnings.add("this run is not in the history and the reports have no trend chart: " + e.getMessage());
            }
        }
        return write(config, run, history, warnings);
    }

    /**
     * Writes the configured formats for {@code run} with trends from {@code history}; the history
     * file is untouched. The formats are independent files, so they are rendered and written on
     * up to two threads at once (most of the time goes to rendering JSON and HTML); one that fails
     * costs only itself (a line in {@code warnings}), except {@code perf-results.json}, which is thrown.
     *
     * @throws ResultsNotWrittenException when {@code perf-results.json} could not be written
     */
    public static List<Path> write(ReportSettings config, RunResults run, List<HistoryRun> history,
                                   List<String> warnings) throws IOException {
        Path dir = config.reportDir();
        List<ReportFormat> formats = new ArrayList<>(config.formats());
        List<Callable<List<Path>>> tasks = new ArrayList<>();
        for (ReportFormat format : formats) {
            tasks.add(() -> writeFormat(format, dir, run, history));
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(2, Math.max(1, tasks.size())), r -> {
            Thread t = new Thread(r, "perf-junit-report-writer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Path> written = new ArrayList<>();
            ResultsNotWrittenException results = null;
            List<Future<List<Path>>> futures = pool.invokeAll(tasks);
            for (int i = 0; i < futures.size(); i++) {
                try {
                    written.addAll(futures.get(i).get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (formats.get(i) == ReportFormat.JSON) {
                        results = new ResultsNotWrittenException(dir.resolve(ReportFormat.JSON.fileName()), cause);
                    } else {
                        warnings.add("[" + dir.resolve(formats.get(i).fileName()) + "] not written: " + cause);
                    }
                }
            }
            if (results != null) {
                throw results;
            }
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing reports", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Path> writeFormat(ReportFormat format, Path dir, RunResults run, List<HistoryRun> history)
            throws IOException {
        Path file = dir.resolve(format.fileName());
        switch (format) {
            case JSON -> RunResultsFile.write(file, run);
            case MARKDOWN -> AtomicFiles.write(file, MarkdownReport.render(run));
            case HTML -> AtomicFiles.write(file, HtmlReport.render(run, history));
            case JMH -> AtomicFiles.write(file, JmhExport.render(run));
            case GITHUB -> {
                AtomicFiles.write(file, GithubBenchmarkExport.render(run, Direction.LOWER_IS_BETTER));
                Path bigger = dir.resolve(GithubBenchmarkExport.BIGGER_IS_BETTER_FILE);
                AtomicFiles.write(bigger, GithubBenchmarkExport.render(run, Direction.HIGHER_IS_BETTER));
                return List.of(file, bigger);
            }
        }
        return List.of(file);
    }
}
