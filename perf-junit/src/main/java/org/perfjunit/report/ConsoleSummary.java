package org.perfjunit.report;

import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;

import java.util.ArrayList;
import java.util.List;

/** The aligned plain-text table printed at the end of a run, fit for a CI log. */
final class ConsoleSummary {

    private static final int MAX_NAME = 60;

    private ConsoleSummary() {
    }

    /** The table for {@code run}, regressions first, ending with a newline. */
    public static String render(RunResults run) {
        List<String[]> rows = new ArrayList<>();
        rows.add(TestRow.HEADERS);
        for (TestResult t : TestLabel.ordered(run.tests())) {
            String[] cells = TestRow.of(t).cells();
            cells[1] = clip(cells[1]);
            rows.add(cells);
        }
        int[] width = new int[TestRow.HEADERS.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("perf-junit: ").append(run.tests().size()).append(run.tests().size() == 1 ? " test" : " tests")
                .append(" measured\n");
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                // text columns left-aligned, figures right-aligned
                boolean left = i <= 1 || i == row.length - 1;
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(left ? row[i] + pad : pad + row[i]).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                int total = 0;
                for (int w : width) {
                    total += w + 2;
                }
                out.append("-".repeat(total - 2)).append('\n');
            }
        }
        return out.toString();
    }

    private static String clip(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1) + "…";
    }
}
