package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.JsonMutations;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutations of {@code perf-results.json} and of the history file: each gives a clear error
 * naming the file (and line and column where the syntax is at fault) or a sound parse, never an
 * unchecked exception, and a file that could not be read is never modified.
 */
class MalformedResultFilesFuzzTests {

    /** Inputs per file kind; {@code -Dperf.junit.fuzz.inputs=...} to try more. */
    static final int INPUTS = Integer.getInteger("perf.junit.fuzz.inputs", 2000);

    @TempDir
    Path dir;

    @Test
    void mutatedResultFilesGiveLocatedErrorsOrSoundResults() throws Exception {
        RunResults valid = SyntheticRuns.run(6, 5);
        String text = new String(ResultJson.mapper().writeValueAsBytes(valid), StandardCharsets.UTF_8);
        List<JsonMutations.Input> inputs = new JsonMutations(text, 42).next(INPUTS);
        Path file = dir.resolve("perf-results.json");

        JsonMutations.Tally tally = JsonMutations.tryAll(file, inputs, ResultFileException.class,
                Pattern.compile(Pattern.quote(file.toString()) + ":[0-9]+:[0-9]+\\]"),
                f -> MarkdownReport.render(RunResultsFile.read(f)),
                null); // nothing writes into perf-results.json after reading it: it is replaced whole
        System.out.println("perf-results.json (report reader): " + tally);
        assertThat(tally.located()).isGreaterThan(INPUTS / 2);

        // the CLI reads runs through RunResultsFile.read too: one strict reader, one verdict per input
    }

    @Test
    void mutatedHistoryFilesAreReadWithoutFailingAndAppendsAreRefusedUntouchedWhenTheLastLineIsNotARun() throws Exception {
        RunResults run = SyntheticRuns.run(6, 5);
        List<HistoryRun> runs = SyntheticRuns.history(run, 3, 5);
        StringBuilder text = new StringBuilder();
        for (HistoryRun r : runs) {
            text.append(ResultJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature
                    .INDENT_OUTPUT).writeValueAsString(r)).append('\n');
        }
        // appending fsyncs each time: a quarter of the inputs keeps the test fast
        List<JsonMutations.Input> inputs = new JsonMutations(text.toString().replace(":", ": "), 43).next(INPUTS / 4);
        Path file = dir.resolve("history.jsonl");

        JsonMutations.Tally tally = JsonMutations.tryAll(file, inputs, ResultFileException.class,
                Pattern.compile(Pattern.quote(file.toString()) + ":[0-9]+:[0-9]+\\]"),
                f -> HistoryFile.readLast(f, 100, warning -> { }).forEach(r -> assertThat(r.tests()).isNotNull()),
                f -> HistoryFile.record(f, HistoryRun.of(run), 200, warning -> { }));
        System.out.println("history.jsonl: " + tally);
        assertThat(tally.byValue()).isZero();
    }
}
