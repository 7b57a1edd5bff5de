package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.KilledWriter;

import java.nio.file.Files;
import java.nio.file.Path;

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
        KilledWriter killer = new KilledWriter(11);
        BaselineStore store = new BaselineStore(dir);
        Path file = store.fileFor(KEY, CLASS);
        int previous = 0;
        for (int trial = 0; trial < KilledWriter.trials(); trial++) {
            int before = previous;
            killer.runAndKill(ConcurrentWriterMain.class, () -> store.read(KEY, CLASS).entries().size() > before, 60,
                    dir.toString(), KEY, CLASS, "trial" + trial, "100000");
            int entries = BaselineFileParser.parse(file, Files.readAllBytes(file), CLASS).entries().size();
            assertThat(entries).as("trial %d", trial).isGreaterThan(previous);
            previous = entries;
        }
    }
}
