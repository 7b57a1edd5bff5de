package org.perfjunit.revision;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaseRevisionTests {

    private static final String GREETER = "package demo;\npublic class Greeter {\n"
            + "    public String greet() { return \"%s\"; }\n"
            + "    public Class<?> harnessType() { return org.perfjunit.revision.Revision.class; }\n}\n";
    private static final String GREETER_TEST = "package demo;\npublic class GreeterTest {\n"
            + "    public String run() { return new Greeter().greet(); }\n}\n";

    // one repository and compiled working tree for the class; each test has its own cache (see request)
    @TempDir
    static Path shared;

    @TempDir
    Path temp;

    private static GitFixture repo;
    private final JavacBuild build = new JavacBuild();

    @BeforeAll
    static void twoRevisions() throws Exception {
        repo = twoRevisions(shared.resolve("repo"));
    }

    private static GitFixture twoRevisions(Path directory) throws Exception {
        GitFixture fixture = GitFixture.init(directory)
                .write("pom.xml", "<project/>\n")
                .write("core/src/main/java/demo/Greeter.java", GREETER.formatted("base"))
                .write("core/src/test/java/demo/GreeterTest.java", GREETER_TEST)
                .commit("base")
                .write("core/src/main/java/demo/Greeter.java", GREETER.formatted("current"))
                .write("core/src/test/java/demo/NewTest.java", "package demo;\npublic class NewTest {}\n")
                .commit("current");
        assertThat(new JavacBuild().compileModule(fixture.root().resolve("core")).succeeded()).isTrue();
        return fixture;
    }

    private List<Path> currentClassPath() {
        return List.of(repo.root().resolve("core/target/test-classes"), repo.root().resolve("core/target/classes"));
    }

    private URLClassLoader currentLoader() throws Exception {
        URL[] urls = {currentClassPath().get(0).toUri().toURL(), currentClassPath().get(1).toUri().toURL()};
        return new URLClassLoader("current", urls, getClass().getClassLoader());
    }

    private RevisionRequest request(String ref, ClassLoader parent) {
        return RevisionRequest.of(ref, repo.root().resolve("core"), parent)
                .withClassPath(currentClassPath()).withBuild(build).withCacheDirectory(temp.resolve("cache"));
    }

    @Test
    @DisplayName("the base loader has the base version of a class, the current loader the working tree's")
    void loadsTheBaseVersion() throws Exception {
        try (URLClassLoader current = currentLoader();
             BaseRevision base = BaseRevision.open(request("HEAD~1", current))) {
            Class<?> baseTest = base.loadFromBase("demo.GreeterTest").orElseThrow();
            Class<?> currentTest = current.loadClass("demo.GreeterTest");

            assertThat(call(baseTest, "run")).isEqualTo("base");
            assertThat(call(currentTest, "run")).isEqualTo("current");
            assertThat(baseTest.getClassLoader()).isSameAs(base.classLoader());
            assertThat(currentTest.getClassLoader()).isSameAs(current);
            assertThat(base.revision().sha()).isEqualTo(repo.sha("HEAD~1"));
            assertThat(base.tree().directory()).isEqualTo(temp.resolve("cache").resolve(repo.sha("HEAD~1")).resolve("tree"));
        }
    }

    @Test
    @DisplayName("perf-junit's own types are shared: the base code sees the very classes of this run")
    void harnessTypesAreShared() throws Exception {
        try (URLClassLoader current = currentLoader(); BaseRevision base = BaseRevision.open(request("HEAD~1", current))) {
            Class<?> greeter = base.loadFromBase("demo.Greeter").orElseThrow();

            assertThat(call(greeter, "harnessType")).isSameAs(Revision.class);
        }
    }

    @Test
    @DisplayName("a test class missing at the base is reported as new, never loaded from the working tree")
    void newTestIsNotAtBase() throws Exception {
        try (URLClassLoader current = currentLoader(); BaseRevision base = BaseRevision.open(request("HEAD~1", current))) {
            assertThat(current.loadClass("demo.NewTest")).isNotNull();
            assertThat(base.loadFromBase("demo.NewTest")).isEmpty();
            assertThat(base.loadFromBase("java.lang.String")).isEmpty();
        }
    }

    @Test
    @DisplayName("a module that does not exist at the base is not built and has no base classes")
    void moduleNewSinceTheBase() throws Exception {
        GitFixture repo = twoRevisions(temp.resolve("repo"));
        repo.write("extra/src/main/java/demo/Extra.java", "package demo;\npublic class Extra {}\n").commit("extra");

        try (BaseRevision base = BaseRevision.open(RevisionRequest.of("HEAD~2", repo.root().resolve("extra"),
                getClass().getClassLoader()).withClassPath(List.of()).withBuild(build)
                .withCacheDirectory(temp.resolve("cache")))) {
            assertThat(base.tree().moduleAtBase()).isFalse();
            assertThat(base.loadFromBase("demo.Extra")).isEmpty();
            assertThat(build.builds()).isZero();
        }
    }

    @Test
    @DisplayName("a commit is built once; later runs reuse the stamped build")
    void buildIsCachedByCommit() throws Exception {
        try (URLClassLoader current = currentLoader()) {
            BaseRevision.open(request("HEAD~1", current)).close();
            BaseRevision.open(request(repo.sha("HEAD~1"), current)).close();
            assertThat(build.builds()).isOne();

            BaseRevision.open(request("HEAD", current)).close();
            assertThat(build.builds()).isEqualTo(2);
        }
    }

    @Test
    @DisplayName("builders that start together build the commit once")
    void concurrentBuildersBuildOnce() throws Exception {
        try (URLClassLoader current = currentLoader()) {
            List<CompletableFuture<String>> builders = List.of(1, 2, 3).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> {
                        try (BaseRevision base = BaseRevision.open(request("HEAD~1", current))) {
                            return (String) call(base.loadFromBase("demo.GreeterTest").orElseThrow(), "run");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();

            assertThat(builders).allSatisfy(b -> assertThat(b.join()).isEqualTo("base"));
            assertThat(build.builds()).isOne();
        }
    }

    @Test
    @DisplayName("a base that does not compile fails with the end of the build output and the command to reproduce")
    void baseDoesNotCompile() throws Exception {
        GitFixture repo = twoRevisions(temp.resolve("repo"));
        repo.write("core/src/main/java/demo/Greeter.java", "package demo;\npublic class Greeter { broken }\n")
                .commit("broken")
                .write("core/src/main/java/demo/Greeter.java", GREETER.formatted("fixed")).commit("fixed");
        Path cache = repo.root().toRealPath().resolve(RevisionBuild.DEFAULT_CACHE).resolve(repo.sha("HEAD~1"));

        assertThatThrownBy(() -> BaseRevision.open(RevisionRequest.of("HEAD~1", repo.root().resolve("core"),
                getClass().getClassLoader()).withClassPath(List.of()).withBuild(build)))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("The base revision HEAD~1 (" + repo.sha("HEAD~1").substring(0, 7)
                        + ") does not compile, so it cannot be measured. End of the build output:")
                .hasMessageContaining("Greeter.java:2: error:")
                .hasMessageContaining("Reproduce with: cd " + cache.resolve("tree/core") + " && javac -d target/classes")
                .hasMessageEndingWith("Full log: " + cache.resolve("build-core.log"));
        assertThat(cache.resolve("built-core")).doesNotExist();
    }

    @Test
    @DisplayName("an interrupted export is redone: a tree without its 'exported' mark is extracted again")
    void partialExportIsRedone() throws Exception {
        Path home = temp.resolve("cache").resolve(repo.sha("HEAD~1"));
        Files.createDirectories(home.resolve("tree/core"));
        Files.writeString(home.resolve("tree/core/leftover.txt"), "half-written");

        try (URLClassLoader current = currentLoader(); BaseRevision base = BaseRevision.open(request("HEAD~1", current))) {
            assertThat(call(base.loadFromBase("demo.GreeterTest").orElseThrow(), "run")).isEqualTo("base");
            assertThat(home.resolve("tree/core/leftover.txt")).doesNotExist();
            assertThat(home.resolve("tree/pom.xml")).hasContent("<project/>");
        }
    }

    private static Object call(Class<?> type, String method) {
        try {
            return type.getMethod(method).invoke(type.getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
