package org.perfjunit.machine;

import java.io.IOException;
import java.util.List;

/** Runs an external command and returns its standard output; injectable so tests need no binary. */
@FunctionalInterface
interface CommandRunner {

    /**
     * Runs {@code command} to completion.
     *
     * @throws IOException when the program cannot be started (not installed) or exits non-zero
     */
    String run(List<String> command) throws IOException;
}
