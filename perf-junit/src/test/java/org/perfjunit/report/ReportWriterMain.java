package org.perfjunit.report;

import org.perfjunit.extension.PerfReportListener;
import org.perfjunit.model.RunResults;

import java.nio.file.Path;
import java.util.EnumSet;

/**
 * A separate JVM for the crash-safety tests, writing the way {@link PerfReportListener} does:
 * {@code java -cp <test classpath> org.perfjunit.report.ReportWriterMain history|reports <dir> <prefix> <count>}.
 * {@code history} appends runs {@code <prefix>-0, <prefix>-1, ...} to {@code <dir>/history.jsonl}
 * (retention {@value #RETENTION}, so trimming rewrites also get killed); {@code reports} writes the
 * JSON, Markdown and HTML reports of {@link #run(String)} into {@code <dir>} again and again.
 */
public final class ReportWriterMain {

    /** Runs kept by the history writer. */
    static final int RETENTION = 40;

    private ReportWriterMain() {
    }

    /** The run the report writer writes for run id {@code runId}: deterministic, so a reader can re-render it. */
    static RunResults run(String runId) {
        RunResults run = SyntheticRuns.run(12, runId.hashCode());
        return new RunResults(run.schemaVersion(), runId, run.started(), run.finished(), run.environment(), run.tests());
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[1]);
        int count = Integer.parseInt(args[3]);
        ReportSettings config = new ReportSettings(dir, EnumSet.of(ReportFormat.JSON, ReportFormat.MARKDOWN,
                ReportFormat.HTML), dir.resolve("history.jsonl"), RETENTION, false, false);
        for (int i = 0; i < count; i++) {
            RunResults run = run(args[2] + "-" + i);
            if (args[0].equals("history")) {
                HistoryFile.record(config.historyFile(), HistoryRun.of(run), RETENTION);
            } else {
                ReportWriter.write(config, run, java.util.List.of(), new java.util.ArrayList<>());
            }
        }
    }
}
