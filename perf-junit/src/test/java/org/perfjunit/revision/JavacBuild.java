package org.perfjunit.revision;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fast stand-in for Maven: javac (in process) compiles {@code src/main/java} to {@code target/classes} and
 * {@code src/test/java} to {@code target/test-classes}, against a given class path. Counts its builds.
 */
public final class JavacBuild implements BaseBuild {

    private final AtomicInteger builds = new AtomicInteger();
    private final List<String> classPath;

    /** A build against perf-junit's own classes only: a short class path keeps javac quick. */
    JavacBuild() {
        this(List.of(ClassPathMapping.harnessLocation().toString()));
    }

    /** A build against the given class path, e.g. this JVM's for fixtures that use JUnit. */
    public JavacBuild(List<String> classPath) {
        this.classPath = List.copyOf(classPath);
    }

    int builds() {
        return builds.get();
    }

    @Override
    public Result compile(Path tree, Path module) throws IOException {
        builds.incrementAndGet();
        return compileModule(tree.resolve(module));
    }

    /** Compiles one module directory in place; also used for the fixture's working tree. */
    public Result compileModule(Path moduleDirectory) throws IOException {
        Path classes = moduleDirectory.resolve("target/classes");
        StringBuilder output = new StringBuilder();
        boolean ok = javac(moduleDirectory.resolve("src/main/java"), classes, List.of(), output)
                && javac(moduleDirectory.resolve("src/test/java"), moduleDirectory.resolve("target/test-classes"),
                List.of(classes), output);
        return new Result(ok, "javac -d target/classes src/main/java/**/*.java", moduleDirectory, output.toString());
    }

    private boolean javac(Path sources, Path target, List<Path> extraClassPath, StringBuilder output)
            throws IOException {
        if (!Files.isDirectory(sources)) {
            return true;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Files.createDirectories(target);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> path = new ArrayList<>(extraClassPath.stream().map(Path::toString).toList());
        path.addAll(classPath);
        try (StandardJavaFileManager manager = compiler.getStandardFileManager(diagnostics, null, null)) {
            boolean ok = compiler.getTask(null, manager, diagnostics,
                    List.of("-d", target.toString(), "-cp", String.join(java.io.File.pathSeparator, path)), null,
                    manager.getJavaFileObjectsFromPaths(files)).call();
            output.append(diagnostics.getDiagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining(System.lineSeparator())));
            return ok;
        }
    }
}
