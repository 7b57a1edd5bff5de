package org.perfjunit.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Writes the run's {@code perf-results.json} when the test engine's run ends, while a failure can still
 * fail the build. The extension keeps one in JUnit's root store, which the engine closes last; an
 * exception from {@link #close()} then fails the engine's run, and Surefire, Gradle and the IDEs count
 * that as an error. (The {@code extension.PerfReportListener} that writes the other reports runs after the engine
 * has finished, when the launcher only logs what a listener throws.)
 *
 * <p>When the file cannot be written, an older {@code perf-results.json} of another run is removed,
 * and the run fails only if {@link ReportSettings#required()}; otherwise it says so on standard error.
 */
public final class ResultsCommit implements AutoCloseable {

    private final ReportSettings config;
    private final PrintStream err;
    private final Queue<Path> resultFiles = new ConcurrentLinkedQueue<>();
    private final Instant started = Instant.now();

    /** A commit of the results written under {@code config}'s report directory. */
    public ResultsCommit(ReportSettings config) {
        this(config, System.err);
    }

    ResultsCommit(ReportSettings config, PrintStream err) {
        this.config = config;
        this.err = err;
    }

    /** Whether failing to write results must fail the build. */
    public boolean required() {
        return config.required();
    }

    /** Adds a test's result file ({@link ResultFiles#write}); a file added again (a republished result) counts once. */
    public void add(Path resultFile) {
        resultFiles.add(resultFile);
    }

    @Override
    public void close() throws IOException {
        List<String> warnings = new ArrayList<>();
        try {
            RunReporter.forThisJvm(config, System.out).commit(new ArrayList<>(new LinkedHashSet<>(resultFiles)), started, warnings);
        } catch (ResultsNotWrittenException e) {
            if (config.required()) {
                throw new ResultsNotWrittenException(e.file(), e.reason() + ". "
                        + ReportSettings.REQUIRED_PROPERTY_NAME + " is true (CI=true sets it), so the run fails"
                        + " rather than leave a CI gate without current results", e);
            }
            warnings.add(e.getMessage() + " (set " + ReportSettings.REQUIRED_PROPERTY_NAME
                    + "=true to fail the build instead)");
        } finally {
            warnings.forEach(w -> err.println("[perf-junit] WARNING: " + w));
        }
    }
}
