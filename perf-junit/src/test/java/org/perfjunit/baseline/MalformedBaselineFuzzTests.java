package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.JsonMutations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.baseline.BaselineStoreTests.CLASS;
import static org.perfjunit.baseline.BaselineStoreTests.KEY;

/**
 * Seeded mutations of a baseline file: each gives a {@link BaselineFileException} naming the file
 * (and line and column where the syntax is at fault) or a sound file, never an unchecked exception,
 * and {@link BaselineStore#put} never writes into a file it could not read.
 */
class MalformedBaselineFuzzTests {

    /** Inputs; {@code -Dperf.junit.fuzz.inputs=...} to try more. */
    static final int INPUTS = Integer.getInteger("perf.junit.fuzz.inputs", 2000);

    @TempDir
    Path dir;

    @Test
    void mutatedBaselineFilesGiveLocatedErrorsOrSoundBaselinesAndAreNeverOverwrittenWhenBroken() throws Exception {
        BaselineFile valid = BaselineFile.empty(CLASS, KEY).with(BaselineStoreTests.entry(CLASS, "m"))
                .with(BaselineStoreTests.entry(CLASS, "n"));
        String text = new String(BaselineFileParser.serialize(valid), StandardCharsets.UTF_8);
        BaselineStore store = new BaselineStore(dir);
        Path file = store.fileFor(KEY, CLASS);
        Files.createDirectories(file.getParent());

        JsonMutations.Tally tally = JsonMutations.tryAll(file, new JsonMutations(text, 44).next(INPUTS),
                BaselineFileException.class, Pattern.compile(Pattern.quote(file.toString()) + ":[0-9]+:[0-9]+\\]"),
                f -> assertThat(store.read(KEY, CLASS).entries().values()).allSatisfy(e -> assertThat(e.metrics())
                        .allSatisfy((name, m) -> assertThat(m.defect(name)).isEmpty())),
                f -> store.put(KEY, CLASS, BaselineStoreTests.entry(CLASS, "other")));
        System.out.println("baseline file: " + tally);
        assertThat(tally.located()).isGreaterThan(INPUTS / 2);
    }
}
