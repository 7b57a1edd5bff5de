package org.perfjunit.baseline;

import org.perfjunit.model.UnusableFileException;

import java.nio.file.Path;

/**
 * A baseline file that cannot be used: unreadable, malformed, truncated, of a newer schema, or with
 * impossible values. The message names the file, line and column where known, and says what to do.
 * perf-junit never overwrites such a file.
 */
public class BaselineFileException extends UnusableFileException {

    private static final long serialVersionUID = 1L;

    /** A problem at a known location; {@code line}/{@code column} are 1-based, or -1 when unknown. */
    public BaselineFileException(Path file, int line, int column, String problem, Throwable cause) {
        super("Baseline", file, line, column, problem, "The file was left untouched; fix it, restore it (git checkout -- "
                + file.toAbsolutePath().normalize() + ") or delete it to record a new baseline.", cause);
    }
}
