package org.perfjunit.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.perfjunit.model.ResultJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads perf-junit JSON files through {@link ResultJson}, turning every failure into a located {@link ResultFileException}. */
final class JsonFiles {

    private JsonFiles() {
    }

    static <T> T read(Path file, Class<T> type) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) == 0) {
                throw new ResultFileException(file, -1, -1, "the file is empty", null);
            }
            return ResultJson.mapper().readValue(in, type);
        } catch (JsonProcessingException e) {
            throw located(file, e);
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, -1, -1, "no such file", e);
        }
    }

    static JsonNode readTree(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); JsonParser parser = ResultJson.mapper().createParser(in)) {
            JsonNode node;
            try {
                node = ResultJson.mapper().readTree(parser);
            } catch (JsonProcessingException e) {
                // nesting-depth and number-length errors carry no location: use where the parser stopped
                throw e.getLocation() != null ? located(file, e) : located(file, e, parser.currentLocation());
            }
            if (node == null || node.isMissingNode()) {
                throw new ResultFileException(file, -1, -1, "the file is empty", null);
            }
            return node;
        } catch (NoSuchFileException e) {
            throw new ResultFileException(file, -1, -1, "no such file", e);
        }
    }

    static ResultFileException located(Path file, JsonProcessingException e) {
        return located(file, e, e.getLocation());
    }

    private static ResultFileException located(Path file, JsonProcessingException e, JsonLocation at) {
        int line = at == null ? -1 : at.getLineNr();
        int column = at == null ? -1 : at.getColumnNr();
        return new ResultFileException(file, line, column, e.getOriginalMessage(), e);
    }

    static byte[] write(Object value) throws IOException {
        return ResultJson.mapper().writeValueAsBytes(value);
    }
}
