package org.perfjunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.perfjunit.result.RunResults;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes and reads {@code perf-results.json} ({@link RunResults}). Writing is atomic; reading is
 * strict (see {@link org.perfjunit.result.ResultJson}) and rejects files written by a newer
 * perf-junit (a higher {@code schemaVersion}) instead of misreading them.
 */
public final class RunResultsFile {

    private RunResultsFile() {
    }

    /** Writes {@code results} to {@code file} atomically. */
    public static void write(Path file, RunResults results) throws IOException {
        org.perfjunit.result.AtomicFiles.write(file, JsonFiles.write(results));
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
        } catch (IOException e) {
            // not a usable results file either: it must not stay behind as if it were this run's
        }
        return java.nio.file.Files.deleteIfExists(file);
    }

    /**
     * Reads a results file.
     *
     * @throws ResultFileException naming file, line and column when the file is malformed, of the
     *                             wrong shape, of an unknown schema version, or holds unusable values
     */
    public static RunResults read(Path file) throws IOException {
        // syntax first (located errors), then the version, then binding (also located)
        JsonNode tree = JsonFiles.readTree(file);
        JsonNode version = tree.get("schemaVersion");
        if (!tree.isObject() || version == null || !version.canConvertToExactIntegral()) {
            throw new ResultFileException(file, 1, 1, "not a perf-junit results file (no integer 'schemaVersion')", null);
        }
        if (version.asInt() > RunResults.SCHEMA_VERSION || version.asInt() < 1) {
            throw new ResultFileException(file, -1, -1, "schemaVersion " + version.asText()
                    + " is not supported; this perf-junit reads schema versions 1 to " + RunResults.SCHEMA_VERSION
                    + ". Upgrade perf-junit to read files written by a newer version.", null);
        }
        RunResults results = JsonFiles.read(file, RunResults.class);
        java.util.Optional<String> defect = results.defect();
        if (defect.isPresent()) {
            throw new ResultFileException(file, -1, -1, defect.get(), null);
        }
        return results;
    }
}
