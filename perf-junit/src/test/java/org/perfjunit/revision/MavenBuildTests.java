package org.perfjunit.revision;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MavenBuildTests {

    @TempDir
    Path tree;

    private void poms(String... directories) throws Exception {
        for (String d : directories) {
            Files.createDirectories(tree.resolve(d));
            Files.writeString(tree.resolve(d).resolve("pom.xml"), "<project/>");
        }
    }

    /** A stand-in for mvn that prints its arguments and exits with the given code. */
    private Path fakeMaven(String name, int exit) throws Exception {
        Path script = tree.resolve(name);
        Files.writeString(script, "#!/bin/sh\necho \"args: $*\"\necho \"dir: $(pwd)\"\nexit " + exit + "\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    @DisplayName("a module of a reactor is compiled from the reactor's top with -pl <module> -am and the extra arguments")
    void compilesTheModuleAndWhatItNeeds() throws Exception {
        poms(".", "services", "services/core");
        Path mvn = fakeMaven("fake-mvn", 0);

        BaseBuild.Result result = new MavenBuild(mvn.toString(), List.of("-o")).compile(tree, Path.of("services/core"));

        assertThat(result.succeeded()).isTrue();
        assertThat(result.directory()).isEqualTo(tree);
        assertThat(result.command()).isEqualTo(mvn + " -B -q -DskipTests test-compile -pl services/core -am -o");
        assertThat(result.output()).contains("args: -B -q -DskipTests test-compile -pl services/core -am -o");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    @DisplayName("a single-module project is compiled without -pl, with the tree's Maven wrapper when it has one")
    void singleModuleWithWrapper() throws Exception {
        poms(".");
        Path wrapper = fakeMaven("mvnw", 1);

        BaseBuild.Result result = new MavenBuild("mvn-not-used", List.of()).compile(tree, Path.of(""));

        assertThat(result.succeeded()).isFalse();
        assertThat(result.command()).isEqualTo(wrapper + " -B -q -DskipTests test-compile");
    }

    @Test
    @DisplayName("the reactor's top is the highest directory of an unbroken chain of poms")
    void reactorRoot() throws Exception {
        poms("app", "app/web");
        Files.createDirectories(tree.resolve("docs"));

        assertThat(MavenBuild.reactorRoot(tree, tree.resolve("app/web"))).isEqualTo(tree.resolve("app"));
        assertThat(MavenBuild.reactorRoot(tree, tree.resolve("app"))).isEqualTo(tree.resolve("app"));
    }

    @Test
    @DisplayName("no Maven is a clear error")
    void mavenNotInstalled() throws Exception {
        poms(".");

        assertThatThrownBy(() -> new MavenBuild("mvn-is-not-installed-here", List.of()).compile(tree, Path.of("")))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("Revision A/B builds the base with Maven, but neither ./mvnw in the base tree nor [mvn-is-not-installed-here] on the PATH could be run")
                .hasMessageEndingWith("Install Maven or add the Maven wrapper to the project.");
    }

    @Test
    @DisplayName("a base without a pom.xml is a clear error")
    void notAMavenProject() {
        assertThatThrownBy(() -> new MavenBuild("mvn", List.of()).compile(tree, Path.of("")))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Revision A/B builds the base with Maven, but the base revision has no pom.xml in ["
                        + tree + "]. Only Maven projects are supported.");
    }
}
