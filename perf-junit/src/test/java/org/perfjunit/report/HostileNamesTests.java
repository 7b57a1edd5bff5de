package org.perfjunit.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.baseline.SyntheticResults;
import org.perfjunit.model.Printable;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Hostile test names")
class HostileNamesTests {

    /** NUL, BEL, TAB, ESC (a colour code), a C1 CSI, a right-to-left override and a very long word. */
    static final String HOSTILE = "ev\u202Eli\u0000\u0007\tx\u001b[31mred\u009b2J" + "w".repeat(300);

    @TempDir
    Path dir;

    private static RunResults run() {
        TestResult t = SyntheticResults.result("com.example.Hostile", HOSTILE, SyntheticResults.time(1e6, 0.01, 1));
        t = new TestResult(t.id(), t.className(), t.methodName(), HOSTILE, t.tags(), t.timestamp(), t.metrics(),
                t.run(), t.checks(), t.comparisons(), org.perfjunit.model.Outcome.FAILED, "slow: " + HOSTILE);
        return new RunResults(RunResults.SCHEMA_VERSION, "run-1-1", SyntheticRuns.T0, SyntheticRuns.T0,
                SyntheticResults.ENVIRONMENT, List.of(t));
    }

    @Test
    @DisplayName("text outputs escape control and bidi characters")
    void textOutputsEscapeControlCharacters() {
        for (Map.Entry<String, String> text : Map.of("console", ConsoleSummary.render(run()),
                "markdown", MarkdownReport.render(run())).entrySet()) {
            assertThat(text.getValue().chars().filter(c -> c != '\n' && Printable.unsafe((char) c)).toArray())
                    .as(text.getKey()).isEmpty();
            assertThat(text.getValue()).as(text.getKey()).contains("ev\\u202eli\\u0000\\u0007\\tx\\u001b[31mred");
        }
    }

    @Test
    @DisplayName("the HTML shows escapes, isolates names and wraps long ones")
    void htmlIsolatesNames() {
        String html = HtmlReport.render(run(), List.of());
        assertThat(html.chars().filter(c -> c != '\n' && c != '\r' && c != '\t' && Printable.unsafe((char) c))
                .toArray()).isEmpty();
        assertThat(html).contains("<bdi class=\"name\">").contains("<p class=\"id\"><bdi>")
                .contains("ev\\u202eli").contains("unicode-bidi:isolate;overflow-wrap:anywhere");
    }

    @Test
    @DisplayName("JSON keeps names exactly")
    void jsonRoundTripsExactly() throws Exception {
        Path file = dir.resolve("perf-results.json");
        RunResultsFile.write(file, run());
        TestResult back = RunResultsFile.read(file).tests().get(0);
        assertThat(back.displayName()).isEqualTo(HOSTILE);
        assertThat(back.id()).isEqualTo(run().tests().get(0).id()).contains("\u202E", "\u001b");
    }
}
