package org.perfjunit.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleSummaryTests {

    @Test
    void printsOneAlignedRowPerTestWithFailuresFirst() {
        String table = ConsoleSummary.render(SyntheticRuns.run(6, 7));
        String[] lines = table.split("\n");

        assertThat(lines[0]).isEqualTo("perf-junit: 6 tests measured");
        assertThat(lines[1]).startsWith("Verdict").contains("Median", "p95", "Alloc/op", "Throughput", "Energy",
                "vs baseline");
        assertThat(lines[3]).startsWith("FAILED").contains("+32.0% critical");
        assertThat(lines).hasSize(3 + 6);
        int medianColumn = lines[1].indexOf("Median") + "Median".length();
        for (int i = 3; i < lines.length; i++) {
            assertThat(lines[i].charAt(medianColumn - 1)).as("right-aligned median in: " + lines[i]).isNotEqualTo(' ');
        }
    }
}
