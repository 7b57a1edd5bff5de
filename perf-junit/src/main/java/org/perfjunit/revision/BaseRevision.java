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

    private BaseRevision(BaseTree tree, RevisionClassLoader loader) {
        this.tree = tree;
        this.loader = loader;
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
        return new BaseRevision(tree, new RevisionClassLoader("perf-junit base " + revision.shortSha(), entries,
                request.parent()));
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
