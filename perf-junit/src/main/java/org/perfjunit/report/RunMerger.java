package org.perfjunit.report;

import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the results of all JVMs of one run ({@link RunKey}) so every fork ends with complete reports.
 *
 * <p>Design: each JVM writes its own part file {@code <reportDir>/parts/<runKey>--<jvm>.json}
 * (a {@link RunResults} of its tests). Then, holding an exclusive file lock on
 * {@code <reportDir>/parts/.lock}, it reads every part of its run, merges them (one record per test
 * id; the latest timestamp wins, so nothing is duplicated), and writes the reports and the history
 * line from the merged run while still holding the lock. The last fork to finish therefore writes
 * reports containing every fork's tests, and earlier forks' reports are complete for what had
 * finished. Parts of other runs whose owner process is gone are stale and deleted; parts of other
 * live runs are left alone. Unreadable parts are skipped with a warning.
 */
final class RunMerger {

    /** Sub-directory of the report directory holding part files. */
    static final String PARTS_DIR = "parts";
    /** In-JVM guard: a FileLock is per JVM, so two listeners of one JVM must also exclude each other. */
    private static final Object JVM_LOCK = new Object();

    /** What to do with the merged run, under the lock. */
    interface MergedRunWriter {
        void write(RunResults merged) throws IOException;
    }

    private RunMerger() {
    }

    /**
     * Writes {@code mine} as this JVM's part, merges all parts of {@code key}'s run and hands the
     * result to {@code writer} under the lock.
     *
     * @param warnings receives one line per skipped part
     * @return the merged run
     */
    static RunResults mergeAndWrite(Path reportDir, RunKey key, String jvmId, RunResults mine,
                                    MergedRunWriter writer, List<String> warnings) throws IOException {
        Path parts = reportDir.resolve(PARTS_DIR);
        Files.createDirectories(parts);
        synchronized (JVM_LOCK) {
            try (FileChannel channel = FileChannel.open(parts.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE)) {
                FileLock lock = channel.lock(); // released when the channel closes
                assert lock.isValid();
                RunResultsFile.write(parts.resolve(key.id() + "--" + jvmId + ".json"), mine);
                RunResults merged = merge(mine, readParts(parts, key, warnings));
                writer.write(merged);
                return merged;
            }
        }
    }

    private static List<RunResults> readParts(Path parts, RunKey key, List<String> warnings) throws IOException {
        List<RunResults> runs = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(parts, "run-*.json")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String run = name.contains("--") ? name.substring(0, name.indexOf("--")) : name;
                if (run.equals(key.id())) {
                    try {
                        runs.add(RunResultsFile.read(f));
                    } catch (ResultFileException e) {
                        warnings.add("skipped unreadable part file: " + e.getMessage());
                    }
                } else if (!RunKey.isAlive(run)) {
                    Files.deleteIfExists(f); // a finished run's leftover
                }
            }
        }
        return runs;
    }

    static RunResults merge(RunResults mine, List<RunResults> parts) {
        Map<String, TestResult> byId = new LinkedHashMap<>();
        Instant started = mine.started();
        Instant finished = mine.finished();
        List<RunResults> all = new ArrayList<>(parts);
        all.add(mine);
        for (RunResults part : all) {
            started = min(started, part.started());
            finished = max(finished, part.finished());
            for (TestResult t : part.tests()) {
                byId.merge(t.id(), t, (a, b) -> Comparator.nullsFirst(Comparator.<Instant>naturalOrder())
                        .compare(a.timestamp(), b.timestamp()) >= 0 ? a : b);
            }
        }
        List<TestResult> tests = new ArrayList<>(byId.values());
        tests.sort(Comparator.comparing(TestResult::id, Comparator.nullsLast(Comparator.naturalOrder())));
        return new RunResults(RunResults.SCHEMA_VERSION, mine.runId(), started, finished, mine.environment(), tests);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
