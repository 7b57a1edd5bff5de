package org.perfjunit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.perfjunit.baseline.BaselineEntry;
import org.perfjunit.baseline.BaselineFile;
import org.perfjunit.baseline.BaselineFileException;
import org.perfjunit.baseline.BaselineFileParser;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.StrictJsonReader;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads the CLI's inputs: runs ({@code perf-results.json}) and references (baseline files or runs). */
final class RunFiles {

    static final String RESULTS_FILE_NAME = "perf-results.json";

    private RunFiles() {
    }

    /** The runs in {@code path}: the file itself, or every {@code perf-results.json} below the directory. */
    static List<RunResults> runs(Path path) {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> p.getFileName().toString().equals(RESULTS_FILE_NAME)).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list [" + path + "]", e);
            }
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no " + RESULTS_FILE_NAME + " under [" + path + "]");
            }
        } else {
            files.add(requireFile(path));
        }
        return files.stream().map(f -> sound(f, StrictJsonReader.read(f, RunResults.class, RunResults.SCHEMA_VERSION)))
                .toList();
    }

    /**
     * Reference entries by test id from a baseline file, a run, or a baselines directory (its
     * {@code environmentKey} folder when present, else the directory itself).
     */
    static Map<String, BaselineEntry> references(Path path, String environmentKey) {
        Map<String, BaselineEntry> out = new TreeMap<>();
        if (Files.isDirectory(path)) {
            Path folder = Files.isDirectory(path.resolve(environmentKey)) ? path.resolve(environmentKey) : path;
            try (Stream<Path> list = Files.list(folder)) {
                list.filter(p -> p.getFileName().toString().endsWith(".json")).sorted()
                        .forEach(f -> out.putAll(referenceFile(f)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list [" + folder + "]", e);
            }
            return out;
        }
        out.putAll(referenceFile(requireFile(path)));
        return out;
    }

    private static Map<String, BaselineEntry> referenceFile(Path file) {
        byte[] bytes;
        JsonNode tree;
        try {
            bytes = Files.readAllBytes(file);
            tree = ResultJson.mapper().readTree(bytes);
        } catch (IOException e) {
            // let the strict reader produce the located message
            StrictJsonReader.read(file, RunResults.class, RunResults.SCHEMA_VERSION);
            throw new UncheckedIOException(e);
        }
        if (tree != null && tree.has("entries")) {
            BaselineFile baseline = BaselineFileParser.parse(file, bytes, null);
            return baseline.entries();
        }
        RunResults run = sound(file, StrictJsonReader.parse(file, bytes, RunResults.class, RunResults.SCHEMA_VERSION));
        Map<String, BaselineEntry> out = new TreeMap<>();
        for (TestResult t : run.tests()) {
            out.put(t.id(), BaselineEntry.of(t, run.environment(), BaselineSettings.DEFAULT_MAX_SAMPLES));
        }
        return out;
    }

    /** {@code run} when its values are usable; a located-by-name error otherwise, never a silent NaN downstream. */
    static RunResults sound(Path file, RunResults run) {
        run.defect().ifPresent(problem -> {
            throw new BaselineFileException(file, -1, -1, problem, null);
        });
        return run;
    }

    private static Path requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file [" + path + "]");
        }
        return path;
    }
}
