package org.perfjunit.revision;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps this JVM's class path onto a base revision's tree: an entry inside the checkout (a module's
 * {@code target/classes}, {@code target/test-classes}) becomes the same relative path inside the exported
 * tree; entries outside it (dependency jars in {@code ~/.m2}, the JDK) and perf-junit's own location are
 * left to the parent class loader, so the harness, JUnit and third-party libraries are shared.
 */
public final class ClassPathMapping {

    private ClassPathMapping() {
    }

    /**
     * This JVM's class path. Surefire 3.5 rewrites {@code java.class.path} to the test class path; when it
     * still names only Surefire's manifest-only booter jar, {@code surefire.test.class.path} is used.
     */
    public static List<Path> currentClassPath() {
        return parse(System.getProperty("java.class.path", ""), System.getProperty("surefire.test.class.path"));
    }

    static List<Path> parse(String javaClassPath, String surefireTestClassPath) {
        List<String> entries = split(javaClassPath);
        boolean onlyBooter = entries.stream().allMatch(e -> Path.of(e).getFileName().toString().startsWith("surefirebooter"));
        if (onlyBooter && surefireTestClassPath != null && !surefireTestClassPath.isBlank()) {
            entries = split(surefireTestClassPath);
        }
        return entries.stream().map(Path::of).toList();
    }

    private static List<String> split(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator)).filter(e -> !e.isBlank()).toList();
    }

    /** Where perf-junit's own classes come from (its jar or {@code target/classes}); never mapped. */
    public static Path harnessLocation() {
        CodeSource source = ClassPathMapping.class.getProtectionDomain().getCodeSource();
        try {
            return RevisionResolver.realPath(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot tell where perf-junit was loaded from: " + source, e);
        }
    }

    /**
     * The base class path: each current entry inside {@code checkoutRoot}, except the harness and the cache,
     * at the same relative path under {@code tree}, when it exists there. A packaged module jar under
     * {@code target/} (a reactor build past {@code package}) becomes that module's {@code target/classes}
     * ({@code target/test-classes} for a {@code -tests.jar}), because the base is compiled, not packaged.
     */
    public static List<Path> map(List<Path> current, Path checkoutRoot, Path tree, Collection<Path> harness) {
        Path root = RevisionResolver.realPath(checkoutRoot);
        Path base = tree.toAbsolutePath().normalize();
        List<Path> mapped = new ArrayList<>();
        for (Path real : projectEntries(current, root, harness)) {
            if (real.startsWith(base)) {
                continue;
            }
            Path there = base.resolve(root.relativize(real).toString());
            if (!Files.exists(there)) {
                there = compiledInstead(there);
            }
            if (there != null && Files.exists(there) && !mapped.contains(there)) {
                mapped.add(there);
            }
        }
        return List.copyOf(mapped);
    }

    /**
     * The entries of {@code current} that are the project's own classes: inside {@code checkoutRoot} and not
     * the harness, as real paths in class path order. A class loader over them compiles the project anew.
     */
    public static List<Path> projectEntries(List<Path> current, Path checkoutRoot, Collection<Path> harness) {
        Path root = RevisionResolver.realPath(checkoutRoot);
        Set<Path> excluded = harness.stream().map(RevisionResolver::realPath).collect(Collectors.toSet());
        List<Path> own = new ArrayList<>();
        for (Path entry : current) {
            Path real = RevisionResolver.realPath(entry);
            if (real.startsWith(root) && !excluded.contains(real) && !own.contains(real)) {
                own.add(real);
            }
        }
        return List.copyOf(own);
    }

    private static Path compiledInstead(Path jar) {
        String name = jar.getFileName().toString();
        Path parent = jar.getParent();
        if (!name.endsWith(".jar") || parent == null || !parent.getFileName().toString().equals("target")) {
            return null;
        }
        return parent.resolve(name.endsWith("-tests.jar") ? "test-classes" : "classes");
    }
}
