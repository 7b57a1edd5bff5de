package org.perfjunit.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one reader of perf-junit's JSON files (baselines, results, report parts): strict
 * ({@link ResultJson}'s mapper, then the schema version, then the values), and every problem becomes
 * one located exception of the caller's kind, in perf-junit's words ({@link JsonProblems}). Reading never
 * modifies the file.
 *
 * <p>Encoding: perf-junit writes UTF-8 without a byte-order mark. A file that starts with a BOM or is
 * UTF-16/UTF-32 was re-saved by another tool; it is refused rather than silently rewritten as UTF-8.
 */
public final class StrictJson {

    private StrictJson() {
    }

    /** Reads {@code file} as {@code type}, rejecting a {@code schemaVersion} outside 1..{@code maxSchema}. */
    public static <T> T read(Path file, Class<T> type, int maxSchema, UnusableFileException.Factory problems) {
        return parse(file, bytes(file, problems), type, maxSchema, problems);
    }

    /** The content of {@code file}; a missing or unreadable file is a problem of {@code problems}' kind. */
    public static byte[] bytes(Path file, UnusableFileException.Factory problems) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problems.create(file, -1, -1, "no such file", e);
        } catch (IOException e) {
            throw problems.create(file, -1, -1, "cannot be read (" + e + ")", e);
        }
    }

    /** Parses {@code bytes}, the content of {@code file}, as {@code type}, checking its {@code schemaVersion}. */
    public static <T> T parse(Path file, byte[] bytes, Class<T> type, int maxSchema,
                              UnusableFileException.Factory problems) {
        return parse(file, bytes, type, maxSchema, true, problems);
    }

    /** Parses {@code bytes}, the content of a file without {@code schemaVersion} (a per-test result file). */
    public static <T> T parseUnversioned(Path file, byte[] bytes, Class<T> type, UnusableFileException.Factory problems) {
        return parse(file, bytes, type, 0, false, problems);
    }

    private static <T> T parse(Path file, byte[] bytes, Class<T> type, int maxSchema, boolean versioned,
                               UnusableFileException.Factory problems) {
        if (bytes.length == 0 || new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            throw problems.create(file, -1, -1, "the file is empty", null);
        }
        JsonProblems.encoding(bytes).ifPresent(problem -> {
            throw problems.create(file, 1, 1, problem, null);
        });
        JsonLocation[] last = new JsonLocation[1];
        try (JsonParser parser = ResultJson.mapper().createParser(bytes)) {
            // first as a tree: syntax, duplicates and nesting are checked before the schema version is trusted
            JsonNode tree = readTree(parser, last);
            if (tree == null || !tree.isObject()) {
                throw problems.create(file, 1, 1, "expected a JSON object at the top level", null);
            }
            JsonNode version = tree.get("schemaVersion");
            if (!versioned) {
                return ResultJson.mapper().readValue(bytes, type);
            }
            if (version == null || !version.isInt()) {
                throw problems.create(file, 1, 1, "missing whole number 'schemaVersion'", null);
            }
            if (version.intValue() > maxSchema) {
                throw problems.create(file, 1, 1, "schemaVersion " + version.intValue() + " is newer than this"
                        + " perf-junit understands (" + maxSchema + "); upgrade perf-junit to read it", null);
            }
            if (version.intValue() < 1) {
                throw problems.create(file, 1, 1, "schemaVersion must be at least 1, was " + version.intValue(), null);
            }
            return ResultJson.mapper().readValue(bytes, type);
        } catch (JsonProcessingException e) {
            // some errors (nesting depth, number length) carry no location: use where the parser stopped
            JsonLocation at = e.getLocation() != null ? e.getLocation() : last[0];
            throw problems.create(file, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    JsonProblems.describe(e), e);
        } catch (IOException e) {
            throw problems.create(file, -1, -1, "cannot be parsed (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Throws {@code defect}, when present, as a problem of {@code file} located at the line and column of
     * the value its pointer names in {@code bytes}.
     */
    public static void requireSound(Path file, byte[] bytes, Optional<Defect> defect,
                                    UnusableFileException.Factory problems) {
        if (defect.isPresent()) {
            JsonLocation at = locate(bytes, defect.get().pointer());
            throw problems.create(file, at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr(),
                    defect.get().problem(), null);
        }
    }

    /** Where the value at JSON pointer {@code pointer} starts in {@code bytes}, or null. */
    static JsonLocation locate(byte[] bytes, String pointer) {
        try (JsonParser p = ResultJson.mapper().createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    continue;
                }
                boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
                var context = container ? p.getParsingContext().getParent() : p.getParsingContext();
                if (context != null && context.pathAsPointer().toString().equals(pointer)) {
                    return p.currentTokenLocation();
                }
            }
        } catch (IOException e) {
            // the file parsed before; a location is a courtesy
        }
        return null;
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
