package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.RunResults;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests {

    @Test
    void userControlledStringsAreEscaped() {
        String html = HtmlReport.render(SyntheticRuns.run(12, 7), List.of());

        assertThat(html).doesNotContain("<script>alert(1)</script>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html.split("<script>", -1)).as("only our two inline scripts").hasSize(3);
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        String html = HtmlReport.render(SyntheticRuns.run(12, 7), SyntheticRuns.history(SyntheticRuns.run(12, 7), 30, 1));

        assertThat(html).doesNotContainIgnoringCase("http://").doesNotContainIgnoringCase("https://")
                .doesNotContain("src=", "@import", "url(", "<link", "<iframe")
                .contains("Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void drawsDistributionsBaselinesPhasesScalingAndTrendsWithChangePoints() {
        RunResults run = SyntheticRuns.run(12, 7);
        String html = HtmlReport.render(run, SyntheticRuns.history(run, 30, 1));

        assertThat(html).contains("Sample distribution", "Baseline vs current", "Time per phase",
                "MatmulScalingTests.multipliesMatrices: median time by parameter", "History: median over 30 runs",
                "class=\"cp\"");
        assertThat(html.indexOf("FAILED")).isLessThan(html.indexOf(">PASSED<"));
    }

    @Test
    void fiveHundredTestsWithAThousandRunHistoryStayUnderFiveMegabytes() {
        RunResults run = SyntheticRuns.run(500, 11);
        List<HistoryRun> history = SyntheticRuns.history(run, 1000, 2);
        String html = HtmlReport.render(run, history);

        int bytes = html.getBytes(StandardCharsets.UTF_8).length;
        assertThat(bytes).as("HTML size in bytes").isLessThan(5_000_000);
        assertThat(html).contains("History: median over " + HtmlReport.MAX_TREND_RUNS + " runs");
    }
}
