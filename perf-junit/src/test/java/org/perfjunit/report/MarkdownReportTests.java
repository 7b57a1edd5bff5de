package org.perfjunit.report;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Golden-file test: regenerate with {@code -Dperf.junit.update-golden=true} and review the diff. */
class MarkdownReportTests {

    @Test
    void reportMatchesTheGoldenFile() throws Exception {
        String actual = MarkdownReport.render(SyntheticRuns.run(12, 7));
        if (Boolean.getBoolean("perf.junit.update-golden")) {
            Files.writeString(Path.of("src/test/resources/golden/perf-report.md"), actual);
        }
        try (InputStream in = getClass().getResourceAsStream("/golden/perf-report.md")) {
            assertThat(in).as("golden file").isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void regressionsComeFirstAndNamesCannotBreakTheTable() {
        String md = MarkdownReport.render(SyntheticRuns.run(12, 7));
        String[] rows = md.lines().filter(l -> l.startsWith("| :")).toArray(String[]::new);

        assertThat(rows[0]).contains("FAILED");
        assertThat(rows[rows.length - 1]).doesNotContain("FAILED", "REGRESSED");
        assertThat(md).contains("`CompilerBenchmarkTests.<script>alert(1)</script>`")
                .doesNotContain("<script>alert(1)</script>`</");
        assertThat(MarkdownReport.cell("a|b\n<i>")).isEqualTo("a\\|b &lt;i&gt;");
    }
}
