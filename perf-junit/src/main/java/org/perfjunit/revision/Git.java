package org.perfjunit.revision;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The git command line, run in one directory; a missing git is a {@link RevisionException}. */
final class Git {

    private final String executable;

    Git(String executable) {
        this.executable = executable;
    }

    /** Runs {@code git args...} in {@code directory}; standard error is kept apart for messages. */
    ProcessRunner.Finished run(Path directory, String... args) {
        List<String> command = new ArrayList<>();
        command.add(executable);
        command.addAll(List.of(args));
        try {
            return ProcessRunner.run(command, directory, false);
        } catch (IOException e) {
            throw new RevisionException("Revision A/B needs git, but [" + executable + "] could not be run ("
                    + e.getMessage() + "). Install git and put it on the PATH.", e);
        }
    }

    /** The first line git printed on standard error, for messages. */
    static String said(ProcessRunner.Finished finished) {
        String text = finished.error().isBlank() ? finished.output() : finished.error();
        return text.strip().lines().findFirst().orElse("exit code " + finished.exitCode());
    }
}
