package org.perfjunit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.perfjunit.baseline.BaselineEntry;
import org.perfjunit.baseline.BaselineFile;
import org.perfjunit.baseline.BaselineFileException;
import org.perfjunit.baseline.BaselineFileParser;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.report.RunResultsFile;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.StrictJson;
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
        List<RunResults> runs = files.stream().map(RunResultsFile::read).toList();
        if (runs.stream().map(RunResults::runId).distinct().count() > 1) {
            throw new IllegalArgumentException("the " + RESULTS_FILE_NAME + " files under [" + path + "] come from"
                    + " different runs (" + describeRuns(files, runs) + "); one of them is left over from an earlier"
                    + " build and would be judged as current. Delete the stale one or name one file.");
        }
        return runs;
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

    private static String describeRuns(List<Path> files, List<RunResults> runs) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < files.size(); i++) {
            s.append(i == 0 ? "" : ", ").append("run [").append(runs.get(i).runId()).append("] in [")
                    .append(files.get(i)).append(']');
        }
        return s.toString();
    }

    private static Map<String, BaselineEntry> referenceFile(Path file) {
        // a baseline file has "entries"; anything else is read as a run, each in its own words
        byte[] bytes = StrictJson.bytes(file, BaselineFileException::new);
        JsonNode tree;
        try {
            tree = ResultJson.mapper().readTree(bytes);
        } catch (IOException e) {
            tree = null; // the strict readers below name what is wrong and where
        }
        boolean baseline = tree == null ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8).contains("\"entries\"")
                : tree.has("entries");
        if (baseline) {
            return BaselineFileParser.parse(file, bytes, null).entries();
        }
        RunResults run = RunResultsFile.read(file);
        Map<String, BaselineEntry> out = new TreeMap<>();
        for (TestResult t : run.tests()) {
            out.put(t.id(), BaselineEntry.of(t, run.environment(), BaselineSettings.DEFAULT_MAX_SAMPLES));
        }
        return out;
    }

    private static Path requireFile(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("no such file [" + path + "]");
        }
        return path;
    }
}
