package org.perfjunit.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("AtomicFiles")
class AtomicFilesTests {

    @TempDir
    Path dir;

    @Test
    @DisplayName("the next write removes temp files that killed writers left, and only those")
    void staleTempFilesAreSwept() throws Exception {
        Path target = dir.resolve("perf-results.json");
        Path killed = Files.writeString(dir.resolve(".perf-results.json.123456.tmp"), "half");
        Files.setLastModifiedTime(killed, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path live = Files.writeString(dir.resolve(".perf-results.json.789.tmp"), "being written");
        Path otherTarget = Files.writeString(dir.resolve(".perf-report.md.42.tmp"), "another file's");
        Files.setLastModifiedTime(otherTarget, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        AtomicFiles.write(target, "{}");

        assertThat(Files.readString(target)).isEqualTo("{}");
        assertThat(killed).doesNotExist();
        assertThat(live).as("a fresh temp file may belong to a live writer").exists();
        assertThat(otherTarget).as("left for the next write of its own target").exists();
    }
}
