package org.perfjunit.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.perfjunit.model.Metric;
import org.perfjunit.model.ResultJson;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Parses and validates baseline files, and serializes them in the stable, pretty-printed form. */
public final class BaselineFileParser {

    private BaselineFileParser() {
    }

    /**
     * Parses {@code bytes}, the content of {@code file}, expected to hold {@code expectedClass}
     * (null to accept any).
     *
     * @throws BaselineFileException on any syntax, schema or value problem
     */
    public static BaselineFile parse(Path file, byte[] bytes, String expectedClass) {
        BaselineFile parsed = StrictJsonReader.parse(file, bytes, BaselineFile.class, BaselineFile.SCHEMA_VERSION);
        validate(file, parsed, expectedClass);
        return parsed;
    }

    /** The file's bytes: pretty-printed, keys sorted, ending in a newline. */
    public static byte[] serialize(BaselineFile content) {
        try {
            return (ResultJson.mapper().writeValueAsString(content) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void validate(Path file, BaselineFile parsed, String expectedClass) {
        if (parsed.testClass() == null || (expectedClass != null && !expectedClass.equals(parsed.testClass()))) {
            fail(file, "'testClass' is [" + parsed.testClass() + "] but the file belongs to [" + expectedClass + "]");
        }
        for (Map.Entry<String, BaselineEntry> e : parsed.entries().entrySet()) {
            BaselineEntry entry = e.getValue();
            if (entry == null || !e.getKey().equals(entry.id())) {
                fail(file, "entry [" + e.getKey() + "] must be an object whose 'id' equals its key");
            }
            for (Map.Entry<String, Metric> m : entry.metrics().entrySet()) {
                validateMetric(file, e.getKey(), m.getKey(), m.getValue());
            }
        }
    }

    private static void validateMetric(Path file, String id, String name, Metric metric) {
        if (metric == null) {
            fail(file, "entry [" + id + "] metric [" + name + "] must be an object whose 'name' equals its key");
        }
        metric.defect(name).ifPresent(problem -> fail(file, "entry [" + id + "] " + problem));
    }

    private static void fail(Path file, String problem) {
        throw new BaselineFileException(file, -1, -1, problem, null);
    }
}
