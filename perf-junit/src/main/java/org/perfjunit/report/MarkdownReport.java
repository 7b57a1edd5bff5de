package org.perfjunit.report;

import org.perfjunit.model.Environment;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunResults;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.Printable;

import java.util.List;

/** {@code perf-report.md}: a summary line and a table for a pull-request comment, regressions first. */
final class MarkdownReport {

    private static final int MAX_MESSAGE = 300;

    private MarkdownReport() {
    }

    /** The Markdown text of {@code run}. */
    public static String render(RunResults run) {
        List<TestResult> tests = TestLabel.ordered(run.tests());
        StringBuilder md = new StringBuilder();
        md.append("<!-- perf-junit run ").append(RunLabel.of(run)).append(" -->\n");
        md.append("## perf-junit: ").append(headline(tests)).append("\n\n");
        md.append('|');
        for (String h : TestRow.HEADERS) {
            md.append(' ').append(h).append(" |");
        }
        md.append("\n|:--|:--|--:|--:|--:|--:|--:|--:|\n");
        for (TestResult t : tests) {
            String[] cells = TestRow.of(t).cells();
            cells[0] = icon(cells[0]) + " " + cells[0];
            md.append('|');
            for (int i = 0; i < cells.length; i++) {
                // inside a code span HTML is inert already; only pipes and newlines could break the row
                String c = i == 1 ? "`" + cells[1].replace("`", "'").replace("|", "\\|")
                        .replaceAll("[\\r\\n]", " ") + "`" : cell(cells[i]);
                md.append(' ').append(c).append(" |");
            }
            md.append('\n');
        }
        List<TestResult> withMessage = tests.stream()
                .filter(t -> t.message() != null && !t.message().isBlank() && t.outcome() != Outcome.PASSED).toList();
        if (!withMessage.isEmpty()) {
            md.append("\n<details><summary>Messages</summary>\n\n");
            for (TestResult t : withMessage) {
                md.append("- **").append(cell(Printable.escape(TestLabel.shortName(t)))).append("**: ")
                        .append(cell(clip(Printable.escape(t.message())))).append('\n');
            }
            md.append("\n</details>\n");
        }
        Environment env = run.environment();
        if (env != null) {
            md.append("\n<sub>").append(cell(env.os() + " " + env.arch() + ", " + env.cpuModel() + ", "
                    + env.logicalCores() + " cores, JDK " + env.jvmMajor()
                    + (env.gitCommit() == null ? "" : ", commit " + env.gitCommit().substring(0,
                    Math.min(10, env.gitCommit().length()))))).append("</sub>\n");
        }
        return md.toString();
    }

    static String headline(List<TestResult> tests) {
        long failed = tests.stream().filter(t -> t.outcome() == Outcome.FAILED || t.outcome() == Outcome.ERROR).count();
        long regressed = tests.stream().filter(t -> TestLabel.verdict(t).equals("REGRESSED")).count();
        long improved = tests.stream().filter(t -> TestLabel.verdict(t).equals("IMPROVED")).count();
        StringBuilder s = new StringBuilder().append(tests.size()).append(tests.size() == 1 ? " test" : " tests");
        s.append(failed > 0 ? ", " + failed + " failed" : "");
        s.append(regressed > 0 ? ", " + regressed + " regressed" : "");
        s.append(improved > 0 ? ", " + improved + " improved" : "");
        return failed + regressed == 0 ? s + " — all within limits" : s.toString();
    }

    private static String icon(String verdict) {
        return switch (verdict) {
            case "FAILED", "ERROR" -> ":x:";
            case "REGRESSED" -> ":warning:";
            case "IMPROVED" -> ":rocket:";
            case "INCONCLUSIVE" -> ":grey_question:";
            case "SKIPPED" -> ":fast_forward:";
            default -> ":white_check_mark:";
        };
    }

    /** Keeps a value inside its table cell and inert: no pipes, newlines or HTML. */
    static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\r", " ").replace("\n", " ");
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
