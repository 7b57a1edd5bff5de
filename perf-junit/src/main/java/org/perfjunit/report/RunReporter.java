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
     */
    public RunResults report(Collection<Path> resultFiles, Instant started, List<String> warnings) throws IOException {
        List<TestResult> tests = new ArrayList<>();
        for (Path file : new LinkedHashSet<>(resultFiles)) {
            try {
                tests.add(ResultFiles.read(file));
            } catch (IOException e) {
                warnings.add("skipped result file: " + e.getMessage());
            }
        }
        if (tests.isEmpty()) {
            return null;
        }
        Instant now = clock.instant();
        RunResults mine = new RunResults(RunResults.SCHEMA_VERSION, runKey.id(), started == null ? now : started, now,
                environment.get(), tests);
        RunResults merged = RunMerger.mergeAndWrite(config.reportDir(), runKey, jvmId, mine,
                run -> ReportWriter.write(config, run), warnings);
        if (config.console()) {
            console.print(ConsoleSummary.render(mine));
            String html = config.formats().contains(ReportFormat.HTML) ? ReportFormat.HTML.fileName()
                    : config.formats().isEmpty() ? "" : config.formats().iterator().next().fileName();
            console.println("perf-junit: reports (" + merged.tests().size() + " tests in this run) in "
                    + config.reportDir().toAbsolutePath().normalize().resolve(html));
        }
        return merged;
    }
}
