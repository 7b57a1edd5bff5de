package org.perfjunit.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.perfjunit.model.Metric;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.Defect;
import org.perfjunit.model.StrictJson;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

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
        BaselineFile parsed = StrictJson.parse(file, bytes, BaselineFile.class, BaselineFile.SCHEMA_VERSION,
                BaselineFileException::new);
        StrictJson.requireSound(file, bytes, defect(parsed, expectedClass), BaselineFileException::new);
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

    /** The first impossible value of {@code parsed}, with the JSON pointer of where it sits. */
    private static Optional<Defect> defect(BaselineFile parsed, String expectedClass) {
        if (parsed.testClass() == null || (expectedClass != null && !expectedClass.equals(parsed.testClass()))) {
            return Optional.of(new Defect("/testClass", "'testClass' is [" + parsed.testClass()
                    + "] but the file belongs to [" + expectedClass + "]"));
        }
        for (Map.Entry<String, BaselineEntry> e : parsed.entries().entrySet()) {
            String at = "/entries" + Defect.segment(e.getKey());
            BaselineEntry entry = e.getValue();
            if (entry == null || !e.getKey().equals(entry.id())) {
                return Optional.of(new Defect(at, "entry [" + e.getKey() + "] must be an object whose 'id' equals its key"));
            }
            for (Map.Entry<String, Metric> m : entry.metrics().entrySet()) {
                String metricAt = at + "/metrics" + Defect.segment(m.getKey());
                Optional<Defect> problem = m.getValue() == null
                        ? Optional.of(new Defect("", "metric [" + m.getKey() + "] must be an object whose 'name' equals"
                        + " its key")) : m.getValue().defect(m.getKey());
                if (problem.isPresent()) {
                    return Optional.of(new Defect(metricAt + problem.get().pointer(), "entry [" + e.getKey() + "] "
                            + problem.get().problem()));
                }
            }
        }
        return Optional.empty();
    }
}
