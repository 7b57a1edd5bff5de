package org.perfjunit.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A perf-junit file that cannot be read: malformed JSON, a wrong type, or a schema version this
 * perf-junit does not know. The message names the file and, where known, line and column.
 */
public class ResultFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /** A problem at {@code line}:{@code column} of {@code file} (use -1 when unknown). */
    public ResultFileException(Path file, int line, int column, String problem, Throwable cause) {
        super(describe(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String describe(Path file, int line, int column, String problem) {
        String where = line > 0 ? file + ":" + line + ":" + column : String.valueOf(file);
        return "Cannot read [" + where + "]: " + problem;
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    /** One-based line of the problem, or -1. */
    public int line() {
        return line;
    }

    /** One-based column of the problem, or -1. */
    public int column() {
        return column;
    }
}
