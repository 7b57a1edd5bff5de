package org.perfjunit.baseline;

import java.nio.file.Path;

/**
 * A baseline (or results) file that cannot be used: unreadable, malformed, truncated, of a newer
 * schema, or with invalid values. The message names the file and, where known, line and column,
 * and says what to do. perf-junit never overwrites such a file.
 */
public class BaselineFileException extends RuntimeException {

    private final transient Path file;
    private final int line;
    private final int column;

    /** A problem at a known location; {@code line}/{@code column} are 1-based, or -1 when unknown. */
    public BaselineFileException(Path file, int line, int column, String problem, Throwable cause) {
        super(message(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file concerned. */
    public Path file() {
        return file;
    }

    /** 1-based line of the problem, or -1. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1. */
    public int column() {
        return column;
    }

    // the absolute path: git checkout accepts it from any directory of the checkout, a bare file name from none
    private static String message(Path file, int line, int column, String problem) {
        String where = line > 0 ? " at line " + line + ", column " + column : "";
        return "Baseline file [" + file + "] is unusable" + where + ": " + problem
                + ". The file was left untouched; fix it, restore it (git checkout -- " + file.toAbsolutePath().normalize()
                + ") or delete it to record a new baseline.";
    }
}
