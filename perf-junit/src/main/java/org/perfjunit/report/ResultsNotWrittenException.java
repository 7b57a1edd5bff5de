package org.perfjunit.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code perf-results.json} could not be written. Thrown only after every other report file had its
 * chance; {@link RunResultsFile#removeUnlessRun} makes sure no older file is left looking current.
 */
public class ResultsNotWrittenException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    /** {@code file} could not be written because of {@code cause}. */
    public ResultsNotWrittenException(Path file, Throwable cause) {
        this(file, String.valueOf(cause), cause);
    }

    /** {@code file} could not be written, for {@code reason}. */
    public ResultsNotWrittenException(Path file, String reason, Throwable cause) {
        super("the run's results [" + file + "] could not be written: " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** Why, without the file. */
    public String reason() {
        return reason;
    }

    /** The results file that is missing. */
    public Path file() {
        return file;
    }
}
