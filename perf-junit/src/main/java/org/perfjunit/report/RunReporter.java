package org.perfjunit.report;

import org.perfjunit.model.Environment;
import org.perfjunit.model.EnvironmentDetector;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The end of a run, independent of JUnit: reads the result files this JVM's tests wrote, merges
 * them with the other JVMs of the run ({@link RunMerger}), writes reports and history
 * ({@link ReportWriter}) and prints the console summary.
 */
public final class RunReporter {

    private final ReportSettings config;
    private final PrintStream console;
    private final Supplier<Environment> environment;
    private final Clock clock;
    private final RunKey runKey;
    private final String jvmId;

    RunReporter(ReportSettings config, PrintStream console, Supplier<Environment> environment, Clock clock,
                RunKey runKey, String jvmId) {
        this.config = config;
        this.console = console;
        this.environment = environment;
        this.clock = clock;
        this.runKey = runKey;
        this.jvmId = jvmId;
    }

    public static RunReporter forThisJvm(ReportSettings config, PrintStream console) {
        return new RunReporter(config, console, EnvironmentDetector::detect, Clock.systemUTC(), RunKey.current(),
                RunKey.jvmId());
    }

    /**
     * Builds and writes the reports for the tests in {@code resultFiles}.
     *
     * @param warnings receives a line per problem that did not stop the reports
     * @return the merged run, or null when there was nothing to report
     * @throws ResultsNotWrittenException when {@code perf-results.json} could not be written; an older one
     *                                    was removed (see {@link RunResultsFile#removeUnlessRun})
     */
    public RunResults report(Collection<Path> resultFiles, Instant started, List<String> warnings) throws IOException {
        RunResults mine = thisJvm(resultFiles, started, warnings);
        if (mine == null) {
            return null;
        }
        RunResults merged = guarded(() -> RunMerger.mergeAndWrite(config.reportDir(), runKey, jvmId, mine,
                run -> ReportWriter.write(config, run, warnings), warnings));
        if (config.console()) {
            console.print(ConsoleSummary.render(mine));
            String html = config.formats().contains(ReportFormat.HTML) ? ReportFormat.HTML.fileName()
                    : config.formats().isEmpty() ? "" : config.formats().iterator().next().fileName();
            int count = merged.tests().size();
            console.println("perf-junit: reports (" + count + (count == 1 ? " test" : " tests") + " in this run) in "
                    + config.reportDir().toAbsolutePath().normalize().resolve(html));
        }
        return merged;
    }

    /**
     * Merges the tests in {@code resultFiles} into the run and writes {@code perf-results.json} only:
     * the step that must succeed before the test engine finishes, so a failure can still fail the build.
     *
     * @return the merged run, or null when there was nothing to write
     * @throws ResultsNotWrittenException when the file could not be written; an older one was removed
     */
    RunResults commit(Collection<Path> resultFiles, Instant started, List<String> warnings) throws IOException {
        RunResults mine = thisJvm(resultFiles, started, warnings);
        if (mine == null || !config.formats().contains(ReportFormat.JSON)) {
            return mine;
        }
        Path json = config.reportDir().resolve(ReportFormat.JSON.fileName());
        return guarded(() -> RunMerger.mergeAndWrite(config.reportDir(), runKey, jvmId, mine,
                run -> RunResultsFile.write(json, run), warnings));
    }

    private RunResults thisJvm(Collection<Path> resultFiles, Instant started, List<String> warnings) {
        List<TestResult> tests = new ArrayList<>();
        for (Path file : new LinkedHashSet<>(resultFiles)) {
            try {
                tests.add(ResultFiles.read(file));
            } catch (ResultFileException e) {
                warnings.add("skipped result file: " + e.getMessage());
            }
        }
        if (tests.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        return new RunResults(RunResults.SCHEMA_VERSION, runKey.id(), started == null ? now : started, now,
                environment.get(), tests);
    }

    private interface Step {
        RunResults run() throws IOException;
    }

    /** Runs {@code step}; when it fails, no results file of another run may stay behind looking current. */
    private RunResults guarded(Step step) throws IOException {
        try {
            return step.run();
        } catch (IOException | RuntimeException e) {
            Path json = config.reportDir().resolve(ReportFormat.JSON.fileName());
            boolean removed;
            try {
                removed = RunResultsFile.removeUnlessRun(json, runKey.id());
            } catch (IOException | RuntimeException removal) {
                e.addSuppressed(removal);
                removed = false;
            }
            ResultsNotWrittenException failure = e instanceof ResultsNotWrittenException r ? r
                    : new ResultsNotWrittenException(json, e);
            if (removed) {
                failure.addSuppressed(new IOException("the older [" + json + "] of another run was removed"));
            }
            throw failure;
        }
    }
}
