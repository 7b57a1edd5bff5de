package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.baseline.BaselineStoreTests.CLASS;
import static org.perfjunit.baseline.BaselineStoreTests.KEY;

/**
 * A JVM killed with SIGKILL while it rewrites a baseline file leaves the previous file complete and
 * parseable. Trials: {@code -Dperf.junit.crash.trials=200} for the long version (default 4).
 */
class CrashSafetyTests {

    @TempDir
    Path dir;

    @Test
    void aWriterKilledMidWriteLeavesAParseableFileWithEveryEarlierEntry() throws Exception {
        int trials = Integer.getInteger("perf.junit.crash.trials", 4);
        Random random = new Random(11);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        BaselineStore store = new BaselineStore(dir);
        int previous = 0;
        for (int trial = 0; trial < trials; trial++) {
            Process child = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ConcurrentWriterMain.class.getName(), dir.toString(), KEY,
                    CLASS, "trial" + trial, "100000").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path file = store.fileFor(KEY, CLASS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.read(KEY, CLASS).entries().size() <= previous && System.nanoTime() < deadline) {
                Thread.sleep(5); // wait until the child is writing
            }
            Thread.sleep(random.nextInt(60));
            child.destroyForcibly(); // SIGKILL on Unix
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            int entries = BaselineFileParser.parse(file, Files.readAllBytes(file), CLASS).entries().size();
            assertThat(entries).as("trial %d", trial).isGreaterThan(previous);
            previous = entries;
        }
    }
}
