package org.perfjunit.baseline;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.perfjunit.baseline.BaselineStoreTests.CLASS;
import static org.perfjunit.baseline.BaselineStoreTests.KEY;

/** Every kind of broken baseline file gives a clear error and stays byte-for-byte as it was. */
class MalformedBaselineFileTests {

    @TempDir
    Path dir;

    static Stream<Arguments> brokenFiles() {
        String valid = new String(BaselineFileParser.serialize(BaselineFile.empty(CLASS, KEY)
                .with(BaselineStoreTests.entry(CLASS, "m"))), StandardCharsets.UTF_8);
        return Stream.of(
                Arguments.of("empty file", new byte[0], "the file is empty"),
                Arguments.of("whitespace only", " \n\t".getBytes(StandardCharsets.UTF_8), "the file is empty"),
                Arguments.of("truncated", valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8),
                        "at line"),
                Arguments.of("binary garbage", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80, 0x7F},
                        "at line 1"),
                Arguments.of("wrong type", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : \"one\"")
                        .getBytes(StandardCharsets.UTF_8), "missing integer 'schemaVersion'"),
                Arguments.of("wrong nested type", valid.replace("\"unit\" : \"ns\"", "\"unit\" : [1]")
                        .getBytes(StandardCharsets.UTF_8), "at line"),
                Arguments.of("NaN literal", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : NaN")
                        .getBytes(StandardCharsets.UTF_8), "at line"),
                Arguments.of("NaN as string", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : \"NaN\"")
                        .getBytes(StandardCharsets.UTF_8), "at line"),
                Arguments.of("huge number", valid.replaceFirst("\"mean\" : [0-9.E+-]+", "\"mean\" : 1e400")
                        .getBytes(StandardCharsets.UTF_8), "non-finite"),
                Arguments.of("duplicate key", valid.replace("\"schemaVersion\" : 1",
                        "\"schemaVersion\" : 1, \"schemaVersion\" : 1").getBytes(StandardCharsets.UTF_8), "Duplicate field"),
                Arguments.of("deep nesting", ("{\"schemaVersion\":1,\"x\":" + "[".repeat(200) + "]".repeat(200) + "}")
                        .getBytes(StandardCharsets.UTF_8), "at line 1"),
                Arguments.of("future schema", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99")
                        .getBytes(StandardCharsets.UTF_8), "schemaVersion 99 is newer"),
                Arguments.of("unknown property", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"x\" : 2")
                        .getBytes(StandardCharsets.UTF_8), "at line"),
                Arguments.of("entry under the wrong key", valid.replace("\"" + CLASS + "#m()\" : {", "\"other\" : {")
                        .getBytes(StandardCharsets.UTF_8), "must be an object whose 'id' equals its key"),
                Arguments.of("other class", valid.replace("\"testClass\" : \"" + CLASS + "\"", "\"testClass\" : \"x.Y\"")
                        .getBytes(StandardCharsets.UTF_8), "belongs to"),
                Arguments.of("array at top", "[1,2]".getBytes(StandardCharsets.UTF_8), "expected a JSON object"),
                Arguments.of("trailing tokens", (valid + "{}").getBytes(StandardCharsets.UTF_8), "at line"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void aBrokenFileIsReportedWithItsNameAndLeftUntouched(String kind, byte[] content, String expected) throws Exception {
        BaselineStore store = new BaselineStore(dir);
        Path file = store.fileFor(KEY, CLASS);
        Files.createDirectories(file.getParent());
        Files.write(file, content);

        BaselineFileException error = catchThrowableOfType(BaselineFileException.class,
                () -> store.put(KEY, CLASS, BaselineStoreTests.entry(CLASS, "other")));
        assertThat(error).as(kind).isNotNull();
        assertThat(error.getMessage()).contains("Baseline file [" + file + "]").contains(expected)
                .contains("The file was left untouched")
                .as("git checkout needs the path under baselines/<key>/, from any directory of the checkout")
                .contains("(git checkout -- " + file.toAbsolutePath().normalize() + ")");
        assertThatThrownBy(() -> store.read(KEY, CLASS)).isInstanceOf(BaselineFileException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
}
