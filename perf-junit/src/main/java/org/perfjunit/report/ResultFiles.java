package org.perfjunit.report;

import org.perfjunit.model.AtomicFiles;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.Defect;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.StrictJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The channel from the JUnit extension to the report listener: after measuring a test, the
 * extension writes its {@link TestResult} with {@link #write(Path, TestResult)} and publishes a
 * JUnit report entry {@value #REPORT_ENTRY_KEY} whose value is the returned path. The listener
 * ({@code extension.PerfReportListener}) collects those entries and builds the run's reports from the files.
 *
 * <p>Files live in {@code <reportDir>/results/}; names are derived from the test id but never
 * contain path separators or {@code ..}, are bounded in length, and end in a hash of the full id
 * so distinct tests never share a file.
 */
public final class ResultFiles {

    /** Key of the JUnit report entry that carries a result file's path. */
    public static final String REPORT_ENTRY_KEY = "perf-junit.result-file";
    /** Sub-directory of the report directory holding one file per test. */
    public static final String RESULTS_DIR = "results";

    private static final int MAX_READABLE_PART = 80;

    private ResultFiles() {
    }

    /**
     * Writes {@code result} as JSON to {@code <reportDir>/results/<safe-name>.json}, atomically.
     *
     * @return the written file
     */
    public static Path write(Path reportDir, TestResult result) throws IOException {
        Path file = reportDir.resolve(RESULTS_DIR).resolve(safeFileName(result.id()));
        AtomicFiles.write(file, ResultJson.mapper().writeValueAsBytes(result));
        return file;
    }

    /** Writes {@code result} as JSON to {@code file}, atomically: a forked child's result for its parent. */
    public static void writeTo(Path file, TestResult result) throws IOException {
        AtomicFiles.write(file, ResultJson.mapper().writeValueAsBytes(result));
    }

    /**
     * Reads a file written by {@link #write(Path, TestResult)}.
     *
     * @throws ResultFileException naming file, line and column when it is malformed or holds impossible values
     */
    public static TestResult read(Path file) {
        byte[] bytes = StrictJson.bytes(file, ResultFileException::new);
        TestResult result = StrictJson.parseUnversioned(file, bytes, TestResult.class, ResultFileException::new);
        StrictJson.requireSound(file, bytes, new RunResults(RunResults.SCHEMA_VERSION, null, null, null, null,
                java.util.List.of(result)).defect().map(d -> new Defect(d.pointer().substring("/tests/0".length()),
                d.problem())), ResultFileException::new);
        return result;
    }

    /** A file name for a test id: readable prefix of {@code [A-Za-z0-9._-]}, then a 16-hex-digit hash. */
    static String safeFileName(String testId) {
        String id = testId == null ? "" : testId;
        String readable = id.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("\\.{2,}", "_")
                .replaceAll("^[._-]+", "");
        if (readable.length() > MAX_READABLE_PART) {
            readable = readable.substring(0, MAX_READABLE_PART);
        }
        return (readable.isEmpty() ? "test" : readable) + "-" + hash(id) + ".json";
    }

    private static String hash(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
