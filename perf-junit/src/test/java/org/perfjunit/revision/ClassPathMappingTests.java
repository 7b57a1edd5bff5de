package org.perfjunit.revision;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClassPathMappingTests {

    @TempDir
    Path temp;

    @Test
    @DisplayName("Surefire's rewritten java.class.path is used as it is, without blank entries")
    void usesJavaClassPath() {
        String sep = File.pathSeparator;

        assertThat(ClassPathMapping.parse("/p/target/test-classes" + sep + "/p/target/classes" + sep, "/other"))
                .containsExactly(Path.of("/p/target/test-classes"), Path.of("/p/target/classes"));
    }

    @Test
    @DisplayName("a manifest-only booter jar in java.class.path is replaced by surefire.test.class.path")
    void readsSurefireTestClassPathBehindTheBooterJar() {
        String sep = File.pathSeparator;

        assertThat(ClassPathMapping.parse("/p/target/surefire/surefirebooter-2026.jar",
                "/p/target/test-classes" + sep + "/m2/junit.jar" + sep))
                .containsExactly(Path.of("/p/target/test-classes"), Path.of("/m2/junit.jar"));
        assertThat(ClassPathMapping.parse("/p/target/surefire/surefirebooter-2026.jar", null))
                .containsExactly(Path.of("/p/target/surefire/surefirebooter-2026.jar"));
    }

    @Test
    @DisplayName("entries inside the checkout move to the base tree; jars outside it and perf-junit itself stay with the parent")
    void mapsProjectEntriesOnly() throws Exception {
        Path root = Files.createDirectories(temp.resolve("checkout"));
        Path tree = root.resolve("target/perf-junit-revisions/abc/tree");
        for (String dir : List.of("core/target/classes", "core/target/test-classes", "perf-junit/target/classes",
                "lib/target/classes", "lib/target/test-classes")) {
            Files.createDirectories(root.resolve(dir));
            Files.createDirectories(tree.resolve(dir));
        }
        Path outside = Files.createDirectories(temp.resolve("m2/junit.jar"));
        List<Path> current = List.of(root.resolve("core/target/test-classes"), root.resolve("core/target/classes"),
                root.resolve("perf-junit/target/classes"), outside,
                root.resolve("lib/target/lib-1.0.jar"), root.resolve("lib/target/lib-1.0-tests.jar"),
                Files.createDirectories(root.resolve("newmodule/target/classes")));

        assertThat(ClassPathMapping.map(current, root, tree, List.of(root.resolve("perf-junit/target/classes"))))
                .containsExactly(tree.resolve("core/target/test-classes"), tree.resolve("core/target/classes"),
                        tree.resolve("lib/target/classes"), tree.resolve("lib/target/test-classes"));
    }

    @Test
    @DisplayName("perf-junit's own location is where this very class was loaded from")
    void harnessLocation() throws Exception {
        Path location = ClassPathMapping.harnessLocation();

        assertThat(location.resolve("org/perfjunit/revision/ClassPathMapping.class")).exists();
    }
}
