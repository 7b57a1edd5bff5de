package org.perfjunit.revision;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A base revision ready to run: resolved, exported, compiled and behind its own class loader. Open it once
 * per run and close it at the end.
 *
 * <pre>{@code
 * try (BaseRevision base = BaseRevision.open(RevisionRequest.of("origin/main", Path.of(""), getClass().getClassLoader()))) {
 *     Optional<Class<?>> baseTest = base.loadFromBase("com.example.ParserTest");   // empty: the test is new
 * }
 * }</pre>
 */
public final class BaseRevision implements AutoCloseable {

    private final BaseTree tree;
    private final RevisionClassLoader loader;
    private final List<Path> baseEntries;
    private final List<Path> currentEntries;
    private final ClassLoader parent;

    private BaseRevision(BaseTree tree, List<Path> baseEntries, List<Path> currentEntries, ClassLoader parent) {
        this.tree = tree;
        this.baseEntries = baseEntries;
        this.currentEntries = currentEntries;
        this.parent = parent;
        this.loader = new RevisionClassLoader("perf-junit base " + tree.revision().shortSha(), baseEntries, parent);
    }

    /**
     * Resolves, builds (or reuses the cached build of) and loads the requested base revision.
     *
     * @throws RevisionException with a message the user can act on when any step fails
     */
    public static BaseRevision open(RevisionRequest request) {
        Path workingDirectory = RevisionResolver.realPath(request.workingDirectory());
        RevisionResolver checkout = RevisionResolver.around(workingDirectory, request.gitExecutable());
        Path root = checkout.checkoutRoot();
        Revision revision = checkout.resolve(request.ref());
        Path cache = request.cacheDirectory() != null ? root.resolve(request.cacheDirectory())
                : root.resolve(RevisionBuild.DEFAULT_CACHE);
        Path module = workingDirectory.startsWith(root) ? root.relativize(workingDirectory) : Path.of("");
        BaseTree tree = new RevisionBuild(cache, request.build()).prepare(checkout, revision, module);
        List<Path> entries = tree.moduleAtBase()
                ? ClassPathMapping.map(request.classPath(), root, tree.directory(), request.harness())
                : List.of();
        List<Path> current = ClassPathMapping.projectEntries(request.classPath(), root, request.harness());
        return new BaseRevision(tree, entries, current, request.parent());
    }

    /**
     * Fresh copies of both sides: new class loaders over the base's classes and over the working tree's own
     * classes, so the JIT compiles both sides anew and at the same time (revision A/B pairs these, and three
     * more sets before a verdict fails: two copies of the same code have run 10-25% apart).
     * Close them when done.
     */
    public Copies freshCopies() {
        return new Copies(new RevisionClassLoader("perf-junit base copy " + tree.revision().shortSha(), baseEntries, parent),
                new RevisionClassLoader("perf-junit working tree copy", currentEntries, parent));
    }

    /** A fresh copy of the base and of the working tree, each behind its own class loader. */
    public record Copies(RevisionClassLoader base, RevisionClassLoader current) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                base.close();
            } finally {
                current.close();
            }
        }
    }

    /** The commit measured as the base. */
    public Revision revision() {
        return tree.revision();
    }

    /** The exported tree and whether the module under test exists there. */
    public BaseTree tree() {
        return tree;
    }

    /** The loader of the base classes. */
    public RevisionClassLoader classLoader() {
        return loader;
    }

    /** The named class as the base has it, or empty when it is new in the working tree. */
    public Optional<Class<?>> loadFromBase(String className) {
        return loader.loadFromBase(className);
    }

    /** Closes the base class loader (the cached tree stays for the next run). */
    @Override
    public void close() throws IOException {
        loader.close();
    }
}
