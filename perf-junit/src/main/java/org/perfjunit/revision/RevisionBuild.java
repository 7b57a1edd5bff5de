package org.perfjunit.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Exports a base revision and compiles it, once per commit: {@code <cache>/<sha>/tree} holds the tree,
 * {@code built-<module>} stamps a finished build so later runs reuse it, and a file lock makes forked JVMs
 * that start at once wait for the first one's build instead of building the same tree together.
 *
 * <p>The tree comes from {@code git archive} rather than {@code git worktree add}: archive writes nothing
 * into the checkout's {@code .git} (no worktree registrations left behind when the cache is deleted or a
 * run is killed, no checkout hooks run), and a half-written tree is simply extracted again.
 */
public final class RevisionBuild {

    /** Where the cache lives unless configured, relative to the checkout root. */
    public static final String DEFAULT_CACHE = "target/perf-junit-revisions";

    private static final int OUTPUT_TAIL_LINES = 30;

    // a FileLock excludes other JVMs only; threads of this JVM queue here
    private static final Object IN_THIS_JVM = new Object();

    private final Path cacheDirectory;
    private final BaseBuild build;

    /**
     * @param cacheDirectory where exported trees are kept, one sub-directory per commit
     * @param build          how a tree is compiled
     */
    public RevisionBuild(Path cacheDirectory, BaseBuild build) {
        this.cacheDirectory = cacheDirectory.toAbsolutePath().normalize();
        this.build = build;
    }

    /**
     * The exported and compiled tree of {@code revision}, built now unless a previous run built it.
     *
     * @param module the module under test, relative to the checkout root (empty at the top)
     * @throws RevisionException when the export fails or the base does not compile; the message has the
     *                           tail of the build output and the command that reproduces it
     */
    public BaseTree prepare(RevisionResolver checkout, Revision revision, Path module) {
        Path home = cacheDirectory.resolve(revision.sha());
        try {
            Files.createDirectories(home);
            synchronized (IN_THIS_JVM) {
                try (FileChannel channel = FileChannel.open(home.resolve("lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE)) {
                    channel.lock(); // released when the channel closes
                    return prepareLocked(checkout, revision, module, home);
                }
            }
        } catch (IOException e) {
            throw new RevisionException("Could not prepare the base revision " + revision + " in [" + home + "]: " + e, e);
        }
    }

    private BaseTree prepareLocked(RevisionResolver checkout, Revision revision, Path module, Path home) throws IOException {
        Path tree = home.resolve("tree");
        Path exported = home.resolve("exported");
        if (!Files.exists(exported)) {
            export(checkout, revision, home, tree);
            Files.writeString(exported, revision.sha() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        if (!Files.isDirectory(tree.resolve(module))) {
            return new BaseTree(revision, tree, false);
        }
        String key = module.toString().isEmpty() ? "root" : module.toString().replace('/', '+').replace('\\', '+');
        Path stamp = home.resolve("built-" + key);
        if (!Files.exists(stamp)) {
            BaseBuild.Result result = build.compile(tree, module);
            Path log = home.resolve("build-" + key + ".log");
            Files.writeString(log, result.command() + System.lineSeparator() + result.output(), StandardCharsets.UTF_8);
            if (!result.succeeded()) {
                throw new RevisionException(notCompiled(revision, result, log));
            }
            Files.writeString(stamp, result.command() + System.lineSeparator(), StandardCharsets.UTF_8);
        }
        return new BaseTree(revision, tree, true);
    }

    private static void export(RevisionResolver checkout, Revision revision, Path home, Path tree) throws IOException {
        deleteRecursively(tree);
        Files.createDirectories(tree);
        Path tar = home.resolve("tree.tar");
        checkout.archive(revision, tar);
        ProcessRunner.Finished extracted;
        try {
            extracted = ProcessRunner.run(List.of("tar", "-xf", tar.toString(), "-C", tree.toString()), home, false);
        } catch (IOException e) {
            throw new RevisionException("Revision A/B unpacks the base revision with tar, but tar could not be run ("
                    + e.getMessage() + "). Install tar and put it on the PATH.", e);
        }
        if (!extracted.succeeded()) {
            throw new RevisionException("Could not unpack the base revision " + revision + " into [" + tree + "] (tar: "
                    + Git.said(extracted) + ").");
        }
        Files.delete(tar);
    }

    static String notCompiled(Revision revision, BaseBuild.Result result, Path log) {
        // Maven 3.8 colours its output even in batch mode; escape codes would garble the message
        List<String> lines = result.output().replaceAll("\u001B\\[[0-9;]*m", "").strip().lines().toList();
        List<String> tail = lines.subList(Math.max(0, lines.size() - OUTPUT_TAIL_LINES), lines.size());
        return "The base revision " + revision + " does not compile, so it cannot be measured. End of the build output:"
                + System.lineSeparator() + String.join(System.lineSeparator(), tail) + System.lineSeparator()
                + "Reproduce with: cd " + result.directory() + " && " + result.command() + System.lineSeparator()
                + "Full log: " + log;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
