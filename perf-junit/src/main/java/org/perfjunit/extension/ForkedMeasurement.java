package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.perfjunit.Performance;
import org.perfjunit.fork.ChildPlacement;
import org.perfjunit.fork.ForkMerger;
import org.perfjunit.fork.ForkOutcome;
import org.perfjunit.fork.ForkSettings;
import org.perfjunit.fork.ForkedJvm;
import org.perfjunit.fork.ForkedTestException;
import org.perfjunit.model.TestResult;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.settings.PerfSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The parent side of {@link Performance#forks()}: runs the test in a fresh JVM with every perf-junit
 * configuration parameter this run resolved, plus the marker that makes the child measure and write
 * its {@link TestResult} to a file named here; then reads that result back.
 */
final class ForkedMeasurement {

    private ForkedMeasurement() {
    }

    /** The pooled result of the forked children, one after another; a child's failure, abort or timeout is thrown as this test's. */
    static TestResult run(ExtensionContext context, ForkSettings fork) throws Exception {
        return ForkMerger.merge(each(context, fork, fork.forks()));
    }

    /** The results of {@code count} forked children, one after another, each on its own. */
    static List<TestResult> each(ExtensionContext context, ForkSettings fork, int count) throws Exception {
        return each(context, fork, Collections.nCopies(count, ChildPlacement.unpinned()));
    }

    /** The results of one forked child per placement, one after another, each on its own. */
    static List<TestResult> each(ExtensionContext context, ForkSettings fork, List<ChildPlacement> placements)
            throws Exception {
        List<TestResult> results = new ArrayList<>();
        for (ChildPlacement placement : placements) {
            results.add(runOnce(context, fork, placement));
        }
        return results;
    }

    private static TestResult runOnce(ExtensionContext context, ForkSettings fork, ChildPlacement placement)
            throws Exception {
        Path dir = Files.createTempDirectory("perf-junit-fork");
        try {
            Path resultFile = dir.resolve("result.json");
            ForkOutcome outcome;
            try {
                outcome = ForkedJvm.run(ForkedTestMain.class.getName(), dir, context.getUniqueId(),
                        PerfSettings.childParameters(context, resultFile), fork.jvmArgs(), placement, fork.timeout(),
                        System.out, System.err);
            } catch (TimeoutException e) {
                throw new AssertionFailedError(e.getMessage());
            }
            switch (outcome.status()) {
                case "SUCCESSFUL" -> {
                    if (!Files.exists(resultFile)) {
                        throw new AssertionFailedError("Forked JVM (pid " + outcome.pid() + ") ran ["
                                + context.getUniqueId() + "] but wrote no result; was it measured?");
                    }
                    return ResultFiles.read(resultFile);
                }
                case "ABORTED" -> throw new TestAbortedException(outcome.message());
                case "NOT_RUN" -> throw new AssertionFailedError(outcome.message());
                default -> throw new ForkedTestException(outcome);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
