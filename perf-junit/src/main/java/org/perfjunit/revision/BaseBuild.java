package org.perfjunit.revision;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Compiles an exported base revision, so its classes can be loaded. {@link MavenBuild} runs the project's
 * own Maven build; tests inject a faster one.
 */
@FunctionalInterface
public interface BaseBuild {

    /**
     * Compiles the main and test classes of {@code module} and of the modules it depends on.
     *
     * @param tree   the exported tree of the base revision
     * @param module the module directory relative to {@code tree}; empty for a project at the top of the checkout
     * @return whether it compiled, the command that reproduces it, and what the build printed
     * @throws IOException when the build tool cannot be started
     */
    Result compile(Path tree, Path module) throws IOException;

    /**
     * One build's outcome.
     *
     * @param succeeded whether the classes were compiled
     * @param command   the command line that reproduces the build, run in {@code directory}
     * @param directory where the command ran
     * @param output    what the build printed (standard output and error)
     */
    record Result(boolean succeeded, String command, Path directory, String output) {
    }
}
