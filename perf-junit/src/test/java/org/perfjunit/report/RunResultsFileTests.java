package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunResultsFileTests {

    @TempDir
    Path dir;

    @Test
    void writtenResultsReadBackEqual() throws Exception {
        RunResults run = SyntheticRuns.run(12, 1);
        Path file = dir.resolve("perf-results.json");
        RunResultsFile.write(file, run);

        assertThat(RunResultsFile.read(file)).isEqualTo(run);
        assertThat(Files.readString(file)).contains("\"schemaVersion\" : 1");
    }

    @Test
    void aFileFromANewerPerfJunitIsRejectedWithTheFix() throws Exception {
        Path file = dir.resolve("perf-results.json");
        RunResultsFile.write(file, SyntheticRuns.run(1, 1));
        Files.writeString(file, Files.readString(file).replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 2"));

        assertThatThrownBy(() -> RunResultsFile.read(file)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schemaVersion 2 is newer than this perf-junit understands (1)")
                .hasMessageContaining("upgrade perf-junit");
    }

    @Test
    void malformedJsonNamesFileLineAndColumnAndLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("perf-results.json");
        String text = "{\n  \"schemaVersion\" : 1,\n  \"tests\" : [ ,\n}";
        Files.writeString(file, text);

        assertThatThrownBy(() -> RunResultsFile.read(file)).isInstanceOfSatisfying(ResultFileException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.column()).isGreaterThan(1);
            assertThat(e.getMessage()).startsWith("Results file [" + file + ":3:").contains("] is unusable: malformed JSON");
        });
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(text);
    }

    @Test
    void wrongTypesAndUnknownFieldsAndEmptyFilesAreRejected() throws Exception {
        Path file = dir.resolve("perf-results.json");
        Files.writeString(file, "{\"schemaVersion\":1,\"tests\":\"many\"}");
        assertThatThrownBy(() -> RunResultsFile.read(file)).isInstanceOf(ResultFileException.class)
                .hasMessageContaining(":1:");
        Files.writeString(file, "{\"schemaVersion\":1,\"surprise\":true}");
        assertThatThrownBy(() -> RunResultsFile.read(file)).hasMessageContaining("surprise");
        Files.writeString(file, "");
        assertThatThrownBy(() -> RunResultsFile.read(file)).hasMessageContaining("empty");
        Files.writeString(file, "[1,2]");
        assertThatThrownBy(() -> RunResultsFile.read(file)).hasMessageContaining("expected a JSON object at the top level");
    }
}
