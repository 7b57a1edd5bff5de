package org.perfjunit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.perfjunit.revision.GitFixture;
import org.perfjunit.revision.JavacBuild;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Revision A/B end to end: a temporary git repository whose last commit makes the code under test do twice
 * the work; its fixture tests run through the extension with {@code perf.junit.baseline.revision} set, the
 * base built by javac. Time is a {@link WorkClock}, so the paired ratios are exact and no verdict can flip.
 */
@DisplayName("Revision A/B through the extension")
class RevisionExtensionTests {

    private static final String WORK = """
            package demo;
            public final class Work {
                public static long run(int n, org.perfjunit.WorkClock clock) {
                    clock.work((long) n * %d);
                    return n;
                }
            }
            """;
    private static final String WORK_TEST = """
            package demo;
            import org.junit.jupiter.api.BeforeEach;
            import org.junit.jupiter.api.Test;
            import org.perfjunit.Baseline;
            import org.perfjunit.PerfContext;
            import org.perfjunit.Performance;
            import org.perfjunit.WorkClock;
            @Baseline
            public class WorkTest extends org.perfjunit.RevisionFixture {
                int input;
                long sink;
                @BeforeEach void setUp() { input = 2_000; }  // the base must run it too, or its work would be 0
                @Test @Performance void whole(WorkClock clock) { sink = Work.run(input, clock); }
                @Test @Performance void region(PerfContext perf, WorkClock clock) { perf.measure(() -> Work.run(input, clock)); }
                @Test @Performance @Baseline(metrics = "cpu_time") void onCpu(WorkClock clock) { sink = Work.run(input, clock); }
                @org.junit.jupiter.params.ParameterizedTest @org.junit.jupiter.params.provider.ValueSource(ints = {1_000, 3_000})
                @Performance void sized(int size, WorkClock clock) { sink = Work.run(size, clock); }
                %s
            }
            """;
    private static final String ADDED = "@Test @Performance void added(WorkClock clock) { sink = Work.run(input, clock); }";

    @TempDir
    static Path shared;

    /**
     * Only one copy of this module's Work class does double work, the n-th to run (n formatted in): a copy the JIT
     * compiled badly. The test's own class runs first (the test's measurement), then each pairing's fresh copies.
     */
    private static final String ONE_BAD_COPY = """
            package flaky;
            public final class Work {
                private static final boolean BAD_COPY = org.perfjunit.CopyOrdinal.of(Work.class) == %d;
                public static long run(int n, org.perfjunit.WorkClock clock) {
                    clock.work((long) n * (BAD_COPY ? 2 : 1));
                    return n;
                }
            }
            """;
    private static final String FLAKY_TEST = """
            package flaky;
            @org.perfjunit.Baseline
            public class FlakyTest extends org.perfjunit.RevisionFixture {
                @org.junit.jupiter.api.Test @org.perfjunit.Performance void once(org.perfjunit.WorkClock clock) {
                    Work.run(2_000, clock);
                }
                @org.junit.jupiter.api.Test @org.perfjunit.Performance void faster(org.perfjunit.WorkClock clock) {
                    Slow.run(2_000, clock);
                }
                @org.junit.jupiter.api.Test @org.perfjunit.Performance void checksAfterMeasuring(
                        org.perfjunit.PerfContext perf, org.perfjunit.WorkClock clock) {
                    perf.measure(() -> clock.work(2_000));
                    if (getClass().getClassLoader() instanceof org.perfjunit.revision.RevisionClassLoader) {
                        throw new AssertionError("a copy's test method ran past measure(...)");
                    }
                }
            }
            """;

    private static GitFixture repo;
    private static URLClassLoader current;
    private static URLClassLoader flaky;

    @TempDir
    Path temp;

    @BeforeAll
    static void baseThenTwiceAsSlow() throws Exception {
        repo = GitFixture.init(shared.resolve("repo"))
                .write("core/src/main/java/demo/Work.java", WORK.formatted(1))
                .write("core/src/test/java/demo/WorkTest.java", WORK_TEST.formatted(""))
                .write("flaky/src/main/java/flaky/Work.java", renamed(WORK.formatted(1), "Work"))
                .write("flaky/src/test/java/flaky/FlakyTest.java", FLAKY_TEST)
                .write("flaky/src/main/java/flaky/Slow.java", renamed(ONE_BAD_COPY.formatted(1), "Slow"))
                .commit("base")
                .write("core/src/main/java/demo/Work.java", WORK.formatted(2))
                .write("core/src/test/java/demo/WorkTest.java", WORK_TEST.formatted(ADDED))
                .write("core/src/test/java/demo/NewTest.java", """
                        package demo;
                        @org.perfjunit.Baseline
                        public class NewTest extends org.perfjunit.RevisionFixture {
                            @org.junit.jupiter.api.Test @org.perfjunit.Performance void fresh(org.perfjunit.WorkClock clock) {
                                Work.run(100, clock);
                            }
                        }
                        """)
                .write("flaky/src/main/java/flaky/Work.java", ONE_BAD_COPY.formatted(2))
                .write("flaky/src/main/java/flaky/Slow.java", renamed(WORK.formatted(1), "Slow"))
                .commit("2x slower");
        List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        assertThat(new JavacBuild(classPath).compileModule(repo.root().resolve("core")).succeeded()).isTrue();
        List<Path> dirs = currentClassPath(repo.root().resolve("core"));
        current = new URLClassLoader("current", new URL[] {dirs.get(0).toUri().toURL(), dirs.get(1).toUri().toURL()},
                RevisionExtensionTests.class.getClassLoader());
        assertThat(new JavacBuild(classPath).compileModule(repo.root().resolve("flaky")).succeeded()).isTrue();
        List<Path> flakyDirs = currentClassPath(repo.root().resolve("flaky"));
        flaky = new URLClassLoader("flaky", new URL[] {flakyDirs.get(0).toUri().toURL(), flakyDirs.get(1).toUri().toURL()},
                RevisionExtensionTests.class.getClassLoader());
    }

    /** {@code source}'s class Work in package flaky, named {@code name}. */
    private static String renamed(String source, String name) {
        return source.replace("package demo;", "package flaky;").replace("class Work ", "class " + name + " ")
                .replace("(Work.class)", "(" + name + ".class)");
    }

    @AfterAll
    static void closeLoader() throws Exception {
        current.close();
        flaky.close();
    }

    static List<Path> currentClassPath(Path module) {
        return List.of(module.resolve("target/test-classes"), module.resolve("target/classes"));
    }

    @Test
    @DisplayName("revision A/B judges time by its own keys (default 1% / 3%), not by the stored baselines' thresholds")
    void revisionThresholdsAreItsOwn() throws Exception {
        EngineExecutionResults results = run("demo.WorkTest", "HEAD~1", Map.of(
                "perf.junit.baseline.revision.critical.time", "150%", "perf.junit.baseline.revision.critical.cpu_time",
                "150%", "perf.junit.baseline.critical.time", "1%"));

        results.testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
        assertThat(reportValues(results)).filteredOn(v -> v.contains("paired median")).isNotEmpty()
                .allSatisfy(v -> assertThat(v).contains("is +100.0%", "critical 150%"));
    }

    private EngineExecutionResults run(String fixture, String revision) throws Exception {
        return run(fixture, revision, Map.of());
    }

    private EngineExecutionResults run(String fixture, String revision, Map<String, String> extra) throws Exception {
        return run(fixture, revision, extra, "core", current);
    }

    private EngineExecutionResults run(String fixture, String revision, Map<String, String> extra, String module,
                                       ClassLoader loader) throws Exception {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameters(extra)
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("perf.junit.baseline.revision", revision)
                .configurationParameter("perf.junit.baseline.dir", temp.resolve("baselines").toString())
                .configurationParameter("perf.junit.warmup.iterations", "2")
                .configurationParameter("perf.junit.measurement.iterations", "15")
                .configurationParameter("perf.junit.measurement.sample.time", "200us")
                .configurationParameter("perf.junit.report.dir", temp.resolve("reports").toString())
                .configurationParameter(RevisionFixture.MODULE_KEY, repo.root().resolve(module).toString())
                .configurationParameter(RevisionFixture.CACHE_KEY, temp.resolve("cache").toString())
                .selectors(selectClass(loader.loadClass(fixture)))
                .execute();
    }

    @Test
    @DisplayName("a 2x slowdown since the base fails on four pairings of fresh copies, time (or CPU time) at the revision default whatever the stored thresholds, parameterized tests too; a test added since is new")
    void slowdownSinceTheBaseFails() throws Exception {
        String base = "vs HEAD~1 (" + repo.sha("HEAD~1").substring(0, 7) + "): ";

        EngineExecutionResults results = run("demo.WorkTest", "HEAD~1", Map.of(
                "perf.junit.baseline.critical.time", "150%", "perf.junit.baseline.critical.cpu_time", "150%"));

        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(5));
        assertThat(results.testEvents().failed().stream().map(RevisionExtensionTests::message)).allSatisfy(m ->
                assertThat(m).startsWith(base + "paired median ").contains("] is +100.0% [+100.0%, +100.0%] over base [",
                        "(critical threshold 3%, p<0.001; 4 pairings of fresh copies read +100.0%, +100.0%, +100.0%, "
                                + "+100.0%)"));
        assertThat(results.testEvents().failed().stream().map(RevisionExtensionTests::message))
                .filteredOn(m -> m.startsWith(base + "paired median cpu_time [")).hasSize(1);
        assertThat(entries(results, "perf.outcome")).anySatisfy(o -> assertThat(o)
                .isEqualTo("passed"));
        assertThat(reportValues(results)).anySatisfy(v -> assertThat(v)
                .contains("new test: [added()] is not at the base HEAD~1 (" + repo.sha("HEAD~1").substring(0, 7)
                        + ") (its class has no such method there); nothing to compare"));
        assertThat(temp.resolve("baselines")).as("revision A/B reads and writes no baseline file").doesNotExist();
    }

    @Test
    @DisplayName("a failing pairing is judged with three more on fresh copies of both sides: one bad copy of four is inconclusive; an improvement is not re-paired; a copy's method ends at measure(...)")
    void oneBadCopyIsNotConfirmed() throws Exception {
        EngineExecutionResults results = run("flaky.FlakyTest", "HEAD~1", Map.of(), "flaky", flaky);

        results.testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
        // once(): the current side's first fresh copy is the bad one; faster(): the base side's is
        assertThat(reportValues(results)).filteredOn(v -> v.startsWith("vs HEAD~1")).hasSize(3)
                .anySatisfy(v -> assertThat(v).contains("] is +18.9% [-31.5%, +106.4%] over base [", "(interval straddles "
                        + "critical threshold 3%, p=0.391; 4 pairings of fresh copies read +100.0%, +0.0%, +0.0%, +0.0%: "
                        + "copies of the same code differ by more than the threshold"))
                .anySatisfy(v -> assertThat(v).contains("] is -50.0% [-50.0%, -50.0%] under base [", "improvement beyond")
                        .doesNotContain("fresh copies"));
    }

    @Test
    @DisplayName("unchanged code passes against its own revision, the base running its @BeforeEach")
    void unchangedCodePasses() throws Exception {
        EngineExecutionResults results = run("demo.WorkTest", "HEAD");

        results.testEvents().assertStatistics(s -> s.succeeded(6).failed(0));
        assertThat(reportValues(results)).anySatisfy(v -> assertThat(v)
                .startsWith("vs HEAD (" + repo.sha("HEAD").substring(0, 7) + "): paired median time ["));
    }

    @Test
    @DisplayName("a test class that does not exist at the base is new and passes")
    void newClassPasses() throws Exception {
        EngineExecutionResults results = run("demo.NewTest", "HEAD~1");

        results.testEvents().assertStatistics(s -> s.succeeded(1));
        assertThat(reportValues(results)).anySatisfy(v -> assertThat(v).contains("(its class does not exist there)"));
    }

    @Test
    @DisplayName("an unknown ref fails each test with git's answer, and writes no baseline")
    void unknownRef() throws Exception {
        EngineExecutionResults results = run("demo.WorkTest", "no-such-branch");

        results.testEvents().assertStatistics(s -> s.failed(6));
        assertThat(results.testEvents().failed().stream().map(RevisionExtensionTests::message)).allSatisfy(m -> assertThat(m)
                .startsWith("Revision A/B [perf.junit.baseline.revision=no-such-branch]: Unknown base revision [no-such-branch]"));
        assertThat(temp.resolve("baselines")).doesNotExist();
    }

    private static String message(Event event) {
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).orElse(null);
    }

    private static List<String> reportValues(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .flatMap(m -> m.values().stream()).toList();
    }

    private static List<String> entries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs())
                .map(m -> m.get(key)).filter(v -> v != null).toList();
    }
}
