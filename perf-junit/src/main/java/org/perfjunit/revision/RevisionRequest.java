package org.perfjunit.revision;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What {@link BaseRevision#open} needs; {@link #of} fills in this JVM's defaults.
 *
 * @param ref              the base revision, a git ref such as {@code origin/main}, {@code HEAD~1} or a commit id
 * @param workingDirectory the module under test (the test JVM's working directory under Maven)
 * @param parent           the loader of the current test classes; shared types come from it
 * @param classPath        the current class path to map onto the base tree
 * @param harness          class path entries never mapped (perf-junit's own location)
 * @param build            how the base tree is compiled
 * @param cacheDirectory   where trees are cached, relative to the checkout root or absolute; null for
 *                         {@value RevisionBuild#DEFAULT_CACHE}
 * @param gitExecutable    the git program
 */
public record RevisionRequest(String ref, Path workingDirectory, ClassLoader parent, List<Path> classPath,
                              Collection<Path> harness, BaseBuild build, Path cacheDirectory, String gitExecutable) {

    /** Checks the required parts. */
    public RevisionRequest {
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(parent, "parent");
        classPath = List.copyOf(classPath);
        harness = List.copyOf(harness);
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(gitExecutable, "gitExecutable");
    }

    /** A request with this JVM's class path, perf-junit's location as the harness, Maven, the default cache and git. */
    public static RevisionRequest of(String ref, Path workingDirectory, ClassLoader parent) {
        return new RevisionRequest(ref, workingDirectory, parent, ClassPathMapping.currentClassPath(),
                List.of(ClassPathMapping.harnessLocation()), MavenBuild.likeThisBuild(), null, "git");
    }

    /** The same request with another class path. */
    public RevisionRequest withClassPath(List<Path> entries) {
        return new RevisionRequest(ref, workingDirectory, parent, entries, harness, build, cacheDirectory, gitExecutable);
    }

    /** The same request with another build. */
    public RevisionRequest withBuild(BaseBuild other) {
        return new RevisionRequest(ref, workingDirectory, parent, classPath, harness, other, cacheDirectory, gitExecutable);
    }

    /** The same request with another cache directory. */
    public RevisionRequest withCacheDirectory(Path directory) {
        return new RevisionRequest(ref, workingDirectory, parent, classPath, harness, build, directory, gitExecutable);
    }

    /** The same request with another git program. */
    public RevisionRequest withGitExecutable(String executable) {
        return new RevisionRequest(ref, workingDirectory, parent, classPath, harness, build, cacheDirectory, executable);
    }
}
