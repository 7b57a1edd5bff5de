package org.perfjunit.report;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where and what the report listener writes, resolved from the {@code perf.junit.report.*} and
 * {@code perf.junit.history.*} keys by {@code settings.ReportConfiguration}.
 *
 * @param reportDir        directory of the report files
 * @param formats          report files to write
 * @param historyFile      JSON-lines history file, outside {@code target/} so it survives {@code mvn clean}
 * @param historyRetention runs kept in the history file (oldest dropped first)
 * @param console          whether the summary table is printed to standard output
 * @param required         whether failing to write {@code perf-results.json} fails the build
 *                         ({@value #REQUIRED_PROPERTY_NAME}; default true when the environment variable CI is true)
 */
public record ReportSettings(Path reportDir, Set<ReportFormat> formats, Path historyFile, int historyRetention,
                             boolean console, boolean required) {

    /** The key of {@link #required()}, named in messages. */
    public static final String REQUIRED_PROPERTY_NAME = "perf.junit.report.required";

    /** Default report directory, relative to the working directory. */
    public static final String DEFAULT_REPORT_DIR = "target/perf-reports";
    /** Default history file, relative to the working directory (the module). */
    public static final String DEFAULT_HISTORY_FILE = ".perf-history/history.jsonl";
    /** Default number of runs kept in the history. */
    public static final int DEFAULT_HISTORY_RETENTION = 200;

    public ReportSettings {
        formats = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        if (historyRetention < 0) {
            throw new IllegalArgumentException("history retention must be >= 0, was " + historyRetention);
        }
    }

    /** The defaults, with every format. */
    public static ReportSettings defaults() {
        return new ReportSettings(Path.of(DEFAULT_REPORT_DIR), EnumSet.allOf(ReportFormat.class),
                Path.of(DEFAULT_HISTORY_FILE), DEFAULT_HISTORY_RETENTION, true, false);
    }

    /** A copy writing to {@code dir}. */
    public ReportSettings withReportDir(Path dir) {
        return new ReportSettings(dir, formats, historyFile, historyRetention, console, required);
    }

    /** A copy keeping the history in {@code file}, {@code retention} runs long. */
    public ReportSettings withHistory(Path file, int retention) {
        return new ReportSettings(reportDir, formats, file, retention, console, required);
    }
}
