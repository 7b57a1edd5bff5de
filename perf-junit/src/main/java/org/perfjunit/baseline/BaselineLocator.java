package org.perfjunit.baseline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the baseline directory. Default: {@code baselines/} at the top of the git checkout that
 * contains the working directory (so every module of a multi-module build shares one folder even
 * though Surefire runs each module in its own directory); outside a checkout, {@code ./baselines}.
 * A configured directory ({@code perf.junit.baseline.dir}) wins; relative paths resolve against the
 * working directory.
 */
public final class BaselineLocator {

    /** Name of the default directory. */
    public static final String DEFAULT_DIRECTORY_NAME = "baselines";

    private BaselineLocator() {
    }

    /** The baseline directory for {@code workingDirectory}, or {@code override} when not null. */
    public static Path locate(Path workingDirectory, Path override) {
        Path start = workingDirectory.toAbsolutePath().normalize();
        if (override != null) {
            return start.resolve(override).normalize();
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            // .git is a directory in a clone and a file in a worktree or submodule
            if (Files.exists(dir.resolve(".git"))) {
                return dir.resolve(DEFAULT_DIRECTORY_NAME);
            }
        }
        return start.resolve(DEFAULT_DIRECTORY_NAME);
    }
}
