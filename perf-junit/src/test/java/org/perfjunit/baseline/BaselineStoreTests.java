package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.Metric;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineStoreTests {

    static final String KEY = "linux-amd64-test-cpu-2c-jdk17";
    static final String CLASS = "com.example.KernelTests";

    @TempDir
    Path dir;

    static BaselineEntry entry(String className, String name) {
        Metric time = SyntheticResults.time(1e6, 0.01, name.hashCode());
        return new BaselineEntry(className + "#" + name + "()", name + "()", Instant.parse("2026-01-02T03:04:05Z"),
                "abc", SyntheticResults.ENVIRONMENT, Map.of("time", time));
    }

    @Test
    void entriesRoundTripIntoAPrettyPrintedFileWithSortedKeys() throws Exception {
        BaselineStore store = new BaselineStore(dir);
        store.put(KEY, CLASS, entry(CLASS, "zeta"));
        store.put(KEY, CLASS, entry(CLASS, "alpha"));
        Path file = dir.resolve(KEY).resolve(CLASS + ".json");
        assertThat(store.fileFor(KEY, CLASS)).isEqualTo(file);
        String json = Files.readString(file);
        assertThat(json).startsWith("{\n").endsWith("}\n").contains("\"schemaVersion\" : 1");
        assertThat(json.indexOf("#alpha()")).isLessThan(json.indexOf("#zeta()"));
        assertThat(store.read(KEY, CLASS).entries().get(CLASS + "#zeta()")).isEqualTo(entry(CLASS, "zeta"));
        byte[] before = Files.readAllBytes(file);
        store.put(KEY, CLASS, entry(CLASS, "zeta"));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        try (var listing = Files.list(file.getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).doesNotContain(".tmp")
                    .allMatch(n -> n.equals(CLASS + ".json") || n.equals(CLASS + ".json.lock"));
        }
    }

    @Test
    void rawSamplesAreThinnedDeterministicallyKeepingTimeOrder() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        Metric thinned = BaselineEntry.thinned(SyntheticResults.sampled("time", "ns",
                org.perfjunit.model.Direction.LOWER_IS_BETTER, values), 200);
        assertThat(thinned.samples()).hasSize(200).startsWith(0, 5, 10).endsWith(995);
        assertThat(thinned.summary().n()).isEqualTo(1000);
    }

    @Test
    void pathTraversalThroughClassNamesOrKeysIsRejected() {
        BaselineStore store = new BaselineStore(dir);
        for (String bad : List.of("../evil", "a/b", "..", "com.example.Tests/../../x", "a\\b", "", "a..b", "/etc/passwd",
                "Tests\u0000", "com.example.Test s")) {
            assertThatThrownBy(() -> store.put(KEY, bad, entry("x.Y", "m")))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid test class name");
        }
        for (String bad : List.of("..", "../x", "a/b", ".hidden", "UPPER")) {
            assertThatThrownBy(() -> store.fileFor(bad, CLASS)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void manyThreadsWritingOneFileLoseNoEntry() throws Exception {
        int threads = 6;
        int perThread = 15;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            BaselineStore store = new BaselineStore(dir); // separate instances: exercises the OS-lock retry too
            String prefix = "t" + t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    store.put(KEY, CLASS, entry(CLASS, prefix + "-" + i));
                    assertThat(new BaselineStore(dir).read(KEY, CLASS).entries()).isNotEmpty();
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(new BaselineStore(dir).read(KEY, CLASS).entries()).hasSize(threads * perThread);
    }

    @Test
    void severalProcessesAndThreadsWritingOneFileLoseNoEntry() throws Exception {
        int processes = 3;
        int perProcess = 12;
        List<Process> children = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int p = 0; p < processes; p++) {
            children.add(new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ConcurrentWriterMain.class.getName(), dir.toString(), KEY,
                    CLASS, "p" + p, String.valueOf(perProcess)).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child" + p + ".log").toFile()).start());
        }
        BaselineStore store = new BaselineStore(dir);
        int own = 0;
        while (children.stream().anyMatch(Process::isAlive) || own < 12) {
            store.put(KEY, CLASS, entry(CLASS, "main-" + own++));
            assertThat(store.read(KEY, CLASS).schemaVersion()).isEqualTo(1); // always parseable
        }
        for (int p = 0; p < processes; p++) {
            Process child = children.get(p);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).as(Files.readString(dir.resolve("child" + p + ".log"))).isZero();
        }
        assertThat(store.read(KEY, CLASS).entries()).hasSize(processes * perProcess + own);
    }

    @Test
    void theLocatorFindsTheTopOfTheCheckoutFromAModule() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve(".git"), "gitdir: elsewhere", StandardCharsets.UTF_8); // a worktree's .git file
        Path module = Files.createDirectories(repo.resolve("perf-junit-examples").resolve("sub"));
        assertThat(BaselineLocator.locate(module, null)).isEqualTo(repo.resolve("baselines"));
        assertThat(BaselineLocator.locate(module, Path.of("custom"))).isEqualTo(module.resolve("custom"));
        Path outside = Files.createDirectories(dir.resolve("plain"));
        assertThat(BaselineLocator.locate(outside, null).getFileName()).isEqualTo(Path.of("baselines"));
    }
}
