package org.perfjunit.extension;

import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.perfjunit.report.ReportSettings;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.report.RunReporter;
import org.perfjunit.settings.ReportConfiguration;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes perf-junit's reports when a test plan finishes, whatever started it (Surefire, an IDE,
 * the ConsoleLauncher). Registered through {@code META-INF/services}; users do nothing.
 *
 * <p>It collects the report entries {@value ResultFiles#REPORT_ENTRY_KEY} published by the perf-junit
 * extension, then reads the result files, merges them with the other forked JVMs of the same run,
 * and writes {@code perf-results.json}, {@code perf-report.md}, {@code perf-report.html}, interop
 * exports and a history line, and prints a summary table. Configuration keys are those of
 * {@link ReportConfiguration}. When no performance test ran it writes and prints nothing. It never
 * throws into the test runner (the launcher would only log it): a problem becomes a warning on standard
 * error. Each file stands on its own: a broken history costs the trend chart, a format that cannot be
 * written costs that file. {@code perf-results.json} was already written by {@code report.ResultsCommit} before
 * the engine finished, where a failure can still fail the build; when neither could write it, no older
 * {@code perf-results.json} is left behind.
 */
public class PerfReportListener implements TestExecutionListener {

    private final Queue<Path> resultFiles = new ConcurrentLinkedQueue<>();
    private final PrintStream out;
    private final PrintStream err;
    private volatile ReportSettings config;
    private volatile String configProblem;
    private volatile Instant started;

    /** The listener the ServiceLoader creates: prints to {@code System.out}, warns on {@code System.err}. */
    public PerfReportListener() {
        this(System.out, System.err);
    }

    PerfReportListener(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        resultFiles.clear();
        started = Instant.now();
        try {
            config = ReportConfiguration.from(testPlan.getConfigurationParameters()::get);
            configProblem = null;
        } catch (RuntimeException e) {
            config = null;
            configProblem = e.getMessage();
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier testIdentifier, ReportEntry entry) {
        String value = entry.getKeyValuePairs().get(ResultFiles.REPORT_ENTRY_KEY);
        if (value != null) {
            try {
                resultFiles.add(Path.of(value));
            } catch (RuntimeException e) {
                warn("ignored an invalid result file path [" + value + "]: " + e.getMessage());
            }
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (resultFiles.isEmpty()) {
            return;
        }
        try {
            if (config == null) {
                warn("reports not written: " + configProblem);
                return;
            }
            List<String> warnings = new ArrayList<>();
            RunReporter.forThisJvm(config, out).report(new ArrayList<>(resultFiles), started, warnings);
            warnings.forEach(this::warn);
        } catch (Exception | LinkageError e) {
            // a report problem must never fail or crash the user's build: say what happened instead
            warn("reports not written to [" + (config == null ? "?" : config.reportDir().toAbsolutePath()) + "]: "
                    + e);
        } finally {
            resultFiles.clear();
        }
    }

    private void warn(String message) {
        err.println("[perf-junit] WARNING: " + message);
    }
}
