package org.perfjunit.cli;

import org.perfjunit.baseline.BaselineKeys;
import org.perfjunit.baseline.BaselineSettings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** {@code --config <file>}: baseline settings from the same keys the tests use (a junit-platform.properties). */
final class ConfigFile {

    private ConfigFile() {
    }

    static BaselineSettings settings(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read --config [" + file + "]: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot read --config [" + file + "]: " + e.getMessage(), e);
        }
        deprecationWarnings(properties).forEach(w -> System.err.println("[perf-junit] WARNING: " + w));
        try {
            return BaselineKeys.fromKeys(key -> Optional.ofNullable(properties.getProperty(key)),
                    "--config " + file);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("In --config [" + file + "]: " + e.getMessage(), e);
        }
    }

    /** One warning per renamed key the file sets under its old spelling only, naming the new key. */
    static List<String> deprecationWarnings(Properties properties) {
        return BaselineKeys.DEPRECATED_SPELLINGS.entrySet().stream()
                .filter(e -> properties.getProperty(e.getKey()) == null && properties.getProperty(e.getValue()) != null)
                .map(e -> BaselineKeys.deprecationWarning(e.getValue(), e.getKey()))
                .sorted().toList();
    }
}
