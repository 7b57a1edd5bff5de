package org.perfjunit.model;

import java.nio.file.Path;

/**
 * A perf-junit file that cannot be used: unreadable, malformed, truncated, of a newer schema, or
 * holding impossible values. Every such file problem has one message shape,
 * {@code <Kind> file [<path>:<line>:<column>] is unusable: <problem>. <advice>}, and perf-junit never
 * overwrites the file. Subclasses name the kind and the advice.
 */
public abstract class UnusableFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;
    private final String problem;

    /** A problem at {@code line}:{@code column} of {@code file} (1-based, or -1 when unknown). */
    protected UnusableFileException(String kind, Path file, int line, int column, String problem, String advice,
                                    Throwable cause) {
        super(kind + " file [" + file + (line > 0 ? ":" + line + ":" + column : "") + "] is unusable: " + problem
                + (advice.isEmpty() ? "" : ". " + advice), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
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

    /** What is wrong, without the file and the advice. */
    public String problem() {
        return problem;
    }

    /** Makes the exception of one kind of file; {@link StrictJson} reports through it. */
    @FunctionalInterface
    public interface Factory {
        UnusableFileException create(Path file, int line, int column, String problem, Throwable cause);
    }
}
