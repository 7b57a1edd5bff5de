package org.perfjunit.report;

import org.perfjunit.model.AtomicFiles;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.StrictJson;
import org.perfjunit.model.UnusableFileException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes and reads {@code perf-results.json} ({@link RunResults}). Writing is atomic; reading is
 * strict (see {@link StrictJson}) and rejects files written by a newer
 * perf-junit (a higher {@code schemaVersion}) instead of misreading them.
 */
public final class RunResultsFile {

    private RunResultsFile() {
    }

    /** Writes {@code results} to {@code file} atomically. */
    public static void write(Path file, RunResults results) throws IOException {
        AtomicFiles.write(file, ResultJson.mapper().writeValueAsBytes(results));
    }

    /**
     * Deletes {@code file} unless it holds the results of run {@code runId}: called when this run's results
     * could not be written, so an older run's file does not pass for this run's (a CI gate reading it would
     * judge stale numbers). An unreadable file is deleted too.
     *
     * @return whether a file was deleted
     */
    public static boolean removeUnlessRun(Path file, String runId) throws IOException {
        if (!java.nio.file.Files.exists(file)) {
            return false;
        }
        try {
            if (runId != null && runId.equals(read(file).runId())) {
                return false;
            }
        } catch (UnusableFileException e) {
            // not a usable results file either: it must not stay behind as if it were this run's
        }
        return java.nio.file.Files.deleteIfExists(file);
    }

    /**
     * Reads a results file.
     *
     * @throws ResultFileException naming file, line and column when the file is malformed, of the
     *                             wrong shape, of an unknown schema version, or holds impossible values
     */
    public static RunResults read(Path file) {
        byte[] bytes = StrictJson.bytes(file, ResultFileException::new);
        RunResults results = StrictJson.parse(file, bytes, RunResults.class, RunResults.SCHEMA_VERSION,
                ResultFileException::new);
        StrictJson.requireSound(file, bytes, results.defect(), ResultFileException::new);
        return results;
    }
}
