package org.perfjunit.revision;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the git checkout around a directory and resolves refs in it to commits, with messages that say
 * what to do when the ref is unknown, the clone is shallow, the directory is no checkout, or git is missing.
 *
 * <pre>{@code
 * RevisionResolver git = RevisionResolver.around(Path.of(""));
 * Revision base = git.resolve("origin/main");   // origin/main (1a2b3c4)
 * }</pre>
 */
public final class RevisionResolver {

    private final Git git;
    private final Path checkoutRoot;

    private RevisionResolver(Git git, Path checkoutRoot) {
        this.git = git;
        this.checkoutRoot = checkoutRoot;
    }

    /** The checkout that contains {@code directory}, with the {@code git} found on the PATH. */
    public static RevisionResolver around(Path directory) {
        return around(directory, "git");
    }

    /** The checkout that contains {@code directory}, with the given git executable. */
    static RevisionResolver around(Path directory, String gitExecutable) {
        Git git = new Git(gitExecutable);
        Path absolute = directory.toAbsolutePath().normalize();
        ProcessRunner.Finished top = git.run(absolute, "rev-parse", "--show-toplevel");
        if (!top.succeeded() || top.output().isBlank()) {
            throw new RevisionException("Revision A/B needs a git checkout, but [" + absolute
                    + "] is not inside one (git: " + Git.said(top) + "). Run the tests from a clone of the repository.");
        }
        return new RevisionResolver(git, realPath(Path.of(top.output().strip())));
    }

    /** The top directory of the checkout (a real path, symbolic links resolved). */
    public Path checkoutRoot() {
        return checkoutRoot;
    }

    /**
     * The commit {@code ref} names.
     *
     * @throws RevisionException when git does not know the ref; the message says what git said and how to get it
     */
    public Revision resolve(String ref) {
        if (ref == null || ref.isBlank() || ref.startsWith("-")) {
            throw new RevisionException("The base revision [" + ref + "] is not a git ref; give a branch, tag or commit,"
                    + " e.g. origin/main or HEAD~1.");
        }
        String name = ref.strip();
        ProcessRunner.Finished commit = git.run(checkoutRoot, "rev-parse", "--verify", name + "^{commit}");
        if (commit.succeeded() && !commit.output().isBlank()) {
            return new Revision(name, commit.output().strip());
        }
                throw new RevisionException("Unknown base revision [" + name + "] in the checkout [" + checkoutRoot
                + "] (git: " + Git.said(commit) + ")." + hint(name));
    }

    private String hint(String ref) {
        if (isShallow()) {
            return " This clone is shallow and may lack that history: run `git fetch --unshallow`"
                    + " (in GitHub Actions: actions/checkout with fetch-depth: 0).";
        }
        int slash = ref.indexOf('/');
        if (slash > 0 && remotes().contains(ref.substring(0, slash))) {
            return " Fetch it first: `git fetch " + ref.substring(0, slash) + " " + ref.substring(slash + 1) + "`.";
        }
        return " Check the name with `git branch -a` or `git log --oneline -5`.";
    }

    private boolean isShallow() {
        ProcessRunner.Finished shallow = git.run(checkoutRoot, "rev-parse", "--is-shallow-repository");
        return shallow.succeeded() && shallow.output().strip().equals("true");
    }

    private Set<String> remotes() {
        ProcessRunner.Finished remotes = git.run(checkoutRoot, "remote");
        return remotes.succeeded() ? remotes.output().lines().map(String::strip).collect(Collectors.toSet()) : Set.of();
    }

    /** Exports {@code revision}'s tree as a tar file (no work tree, index or hooks of the checkout are touched). */
    void archive(Revision revision, Path tarFile) {
        ProcessRunner.Finished archive = git.run(checkoutRoot, "archive", "--format=tar",
                "--output=" + tarFile.toAbsolutePath(), revision.sha());
        if (!archive.succeeded()) {
            throw new RevisionException("Could not export the base revision " + revision + " with `git archive` (git: "
                    + Git.said(archive) + ").");
        }
    }

    static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
