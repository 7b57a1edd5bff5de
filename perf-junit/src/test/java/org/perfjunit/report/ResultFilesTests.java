package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.TestResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ResultFilesTests {

    @TempDir
    Path dir;

    @Test
    void aResultWrittenForTheListenerReadsBackEqual() throws Exception {
        TestResult result = SyntheticRuns.test(0, new Random(3));
        Path file = ResultFiles.write(dir, result);

        assertThat(file.getParent()).isEqualTo(dir.resolve("results"));
        assertThat(ResultFiles.read(file)).isEqualTo(result);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file); // no temp file left behind
        }
    }

    @Test
    void fileNamesCannotEscapeTheDirectoryAndStayShortAndDistinct() {
        String evil = "../../etc/passwd#<script>" + "x".repeat(500);
        String name = ResultFiles.safeFileName(evil);

        assertThat(name).matches("[A-Za-z0-9._-]+").doesNotContain("..").doesNotStartWith(".");
        assertThat(name.length()).isLessThanOrEqualTo(80 + 1 + 16 + 5);
        assertThat(ResultFiles.safeFileName("a/b")).isNotEqualTo(ResultFiles.safeFileName("a_b"));
        assertThat(ResultFiles.safeFileName("")).startsWith("test-");
    }
}
