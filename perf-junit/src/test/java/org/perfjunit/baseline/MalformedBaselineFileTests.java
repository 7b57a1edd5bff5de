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
                broken("truncated", valid.substring(0, valid.length() / 2), "the file ends in the middle of a value"),
                Arguments.of("binary garbage", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 1, 2, (byte) 0x80, 0x7F},
                        "it is UTF-16 or UTF-32 encoded"),
                Arguments.of("binary garbage without a mark", new byte[] {0x7B, (byte) 0x80, 0x01, 0x22, (byte) 0xC3},
                        "malformed JSON"),
                broken("wrong type", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : \"one\""),
                        "missing whole number 'schemaVersion'"),
                broken("wrong nested type", valid.replace("\"unit\" : \"ns\"", "\"unit\" : [1]"), ".unit' must be text"),
                broken("NaN literal", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : NaN"),
                        "NaN and Infinity are not JSON numbers"),
                broken("NaN as string", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : \"NaN\""),
                        "metric [time] must be finite, was NaN"),
                broken("huge number", valid.replaceFirst("\"mean\" : [0-9.E+-]+", "\"mean\" : 1e400"),
                        "summary mean is not a finite number"),
                broken("duplicate key", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"schemaVersion\" : 1"),
                        "duplicate field 'schemaVersion'"),
                broken("deep nesting", "{\"schemaVersion\":1,\"x\":" + "[".repeat(200) + "]".repeat(200) + "}",
                        "nested more than 64 levels deep"),
                broken("future schema", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 99"),
                        "schemaVersion 99 is newer"),
                broken("unknown property", valid.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 1, \"x\" : 2"),
                        "unknown field 'x'"),
                broken("entry under the wrong key", valid.replace("\"" + CLASS + "#m()\" : {", "\"other\" : {"),
                        "must be an object whose 'id' equals its key"),
                broken("other class", valid.replace("\"testClass\" : \"" + CLASS + "\"", "\"testClass\" : \"x.Y\""),
                        "belongs to"),
                broken("array at top", "[1,2]", "expected a JSON object"),
                broken("trailing tokens", valid + "{}", "more content after the end of the JSON object"),
                // impossible values (issue: a negative time read as an improvement of -204%)
                broken("negative median", valid.replaceFirst("\"median\" : [0-9.E+-]+", "\"median\" : -2.0E6"),
                        "summary median -2000000.0 lies outside its own min-max"),
                broken("negative times throughout", valid.replaceAll("\"(min|max|median|mean|p90|p95|p99|value)\" : ",
                        "\"$1\" : -"), "is impossible for ns"),
                broken("negative value", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : -1.0"),
                        "value -1.0 is impossible for ns"),
                broken("absurd value", valid.replaceFirst("\"value\" : [0-9.E+-]+", "\"value\" : 1e308"),
                        "value 1.0E308 is impossible for ns"),
                broken("median outside min-max", valid.replaceFirst("\"median\" : [0-9.E+-]+", "\"median\" : 5.0E6"),
                        "summary median 5000000.0 lies outside its own min-max"),
                broken("more samples than counted", valid.replaceFirst("\"n\" : [0-9]+", "\"n\" : 3"),
                        "samples but its summary counts n = 3"),
                broken("negative count", valid.replaceFirst("\"n\" : [0-9]+", "\"n\" : -40"), "summary has n = -40"),
                broken("a fraction for a count", valid.replaceFirst("\"n\" : [0-9]+", "\"n\" : 40.5"),
                        ".n' must be a whole number"),
                broken("samples as a base64 string", valid.replaceFirst("\"samples\" : \\[[^]]*]",
                        "\"samples\" : \"AAAAAAAA8D8AAAAAAAAAQA==\""), "must be a list of numbers"),
                broken("samples as a word", valid.replaceFirst("\"samples\" : \\[[^]]*]", "\"samples\" : \"fast\""),
                        "must be a list of numbers"),
                broken("a sample as text", valid.replaceFirst("\"samples\" : \\[ ", "\"samples\" : [ \"1.0\", "),
                        ".samples' must be a number"),
                broken("median as a string", valid.replaceFirst("\"median\" : ([0-9.E+-]+)", "\"median\" : \"$1\""),
                        ".median' must be a number"),
                broken("direction as a number", valid.replaceFirst("\"direction\" : \"[A-Z_]+\"", "\"direction\" : 0"),
                        ".direction' must be one of LOWER_IS_BETTER, HIGHER_IS_BETTER"),
                Arguments.of("UTF-8 with a byte-order mark", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                        valid.getBytes(StandardCharsets.UTF_8)), "it starts with a byte-order mark"),
                Arguments.of("UTF-16", valid.getBytes(StandardCharsets.UTF_16LE), "it is UTF-16 or UTF-32 encoded"));
    }

    private static Arguments broken(String kind, String content, String expected) {
        return Arguments.of(kind, content.getBytes(StandardCharsets.UTF_8), expected);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
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
        assertThat(error.getMessage()).as(kind).startsWith("Baseline file [" + file).contains(expected)
                .contains("The file was left untouched").doesNotContain("Jackson", "Feature", "Source", "REDACTED",
                        "`", "Vector", "coerce");
        if (content.length > 0 && !new String(content, StandardCharsets.UTF_8).isBlank()) {
            assertThat(error.getMessage()).as(kind + ": names line and column")
                    .matches("(?s)Baseline file \\[" + java.util.regex.Pattern.quote(file.toString())
                            + ":[0-9]+:[0-9]+] is unusable: .*");
        }
        assertThat(error.getMessage()).as("git checkout needs the path under baselines/<key>/, from any directory")
                .contains("(git checkout -- " + file.toAbsolutePath().normalize() + ")");
        assertThatThrownBy(() -> store.read(KEY, CLASS)).isInstanceOf(BaselineFileException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(content);
    }
}
