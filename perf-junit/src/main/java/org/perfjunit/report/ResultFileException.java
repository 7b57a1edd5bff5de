package org.perfjunit.report;

import org.perfjunit.model.UnusableFileException;

import java.nio.file.Path;

/**
 * A results, report part or history file that cannot be read: malformed JSON, a wrong type, impossible
 * values, or a schema version this perf-junit does not know. The message names the file and, where
 * known, line and column; the file is left untouched.
 */
public class ResultFileException extends UnusableFileException {

    private static final long serialVersionUID = 1L;

    /** A problem at {@code line}:{@code column} of {@code file} (use -1 when unknown). */
    public ResultFileException(Path file, int line, int column, String problem, Throwable cause) {
        super(kind(file), file, line, column, problem, kind(file).equals("History")
                ? "The file was left untouched; fix or delete it (it only feeds the trend charts)."
                : "The file was left untouched; every test run writes it anew, so run the tests again or name the"
                + " right file.", cause);
    }

    private static String kind(Path file) {
        String name = file == null || file.getFileName() == null ? "" : file.getFileName().toString();
        return name.endsWith(".jsonl") ? "History" : "Results";
    }
}
