package org.perfjunit.baseline;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.perfjunit.model.ResultJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a versioned perf-junit JSON file with {@link ResultJson}'s strict mapper and turns every
 * failure into a {@link BaselineFileException} naming the file, line and column. Reading never
 * modifies the file.
 */
public final class StrictJsonReader {

    private StrictJsonReader() {
    }

    /** Reads {@code file} as {@code type}, rejecting a {@code schemaVersion} above {@code maxSchema}. */
    public static <T> T read(Path file, Class<T> type, int maxSchema) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new BaselineFileException(file, -1, -1, "cannot be read (" + e + ")", e);
        }
        return parse(file, bytes, type, maxSchema);
    }

    /** Parses {@code bytes} (the content of {@code file}) as {@code type}. */
    public static <T> T parse(Path file, byte[] bytes, Class<T> type, int maxSchema) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw new BaselineFileException(file, -1, -1, "the file is empty", null);
        }
        JsonLocation[] last = new JsonLocation[1];
        try (JsonParser parser = ResultJson.mapper().createParser(bytes)) {
            // first as a tree: syntax, duplicates and nesting are checked before the schema version is trusted
            JsonNode tree = readTree(parser, last);
            if (tree == null || !tree.isObject()) {
                throw new BaselineFileException(file, 1, 1, "expected a JSON object at the top level", null);
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.isInt()) {
                throw new BaselineFileException(file, 1, 1, "missing integer 'schemaVersion'", null);
            }
            if (version.intValue() > maxSchema) {
                throw new BaselineFileException(file, 1, 1, "schemaVersion " + version.intValue()
                        + " is newer than this perf-junit understands (" + maxSchema + "); upgrade perf-junit", null);
            }
            if (version.intValue() < 1) {
                throw new BaselineFileException(file, 1, 1, "schemaVersion must be at least 1, was "
                        + version.intValue(), null);
            }
            return ResultJson.mapper().readValue(bytes, type);
        } catch (JsonProcessingException e) {
            // some errors (nesting depth, number length) carry no location: use where the parser stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : last[0];
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            throw new BaselineFileException(file, line, column, e.getOriginalMessage(), e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BaselineFileException b) {
                throw b;
            }
            throw new BaselineFileException(file, -1, -1, "cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    private static JsonNode readTree(JsonParser parser, JsonLocation[] last) throws IOException {
        try {
            return ResultJson.mapper().readTree(parser);
        } catch (IOException e) {
            last[0] = parser.currentLocation();
            throw e;
        }
    }
}
