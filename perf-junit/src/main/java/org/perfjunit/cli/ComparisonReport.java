package org.perfjunit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.ResultJson;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.model.Printable;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders the CLI's comparisons as text, JSON or a Markdown table for a pull-request comment. */
final class ComparisonReport {

    /** One row of the JSON output. */
    record Row(String test, Comparison comparison) {
    }

    /** The JSON document. */
    record Document(int exitCode, Map<Level, Integer> counts, List<Row> comparisons) {
    }

    private final List<String> tests;
    private final List<Comparison> comparisons;

    ComparisonReport(List<String> tests, List<Comparison> comparisons) {
        this.tests = tests;
        this.comparisons = comparisons;
    }

    String render(String format, int exitCode) {
        return switch (format) {
            case "json" -> json(exitCode);
            case "markdown" -> markdown();
            default -> text();
        };
    }

    private Map<Level, Integer> counts() {
        Map<Level, Integer> counts = new EnumMap<>(Level.class);
        comparisons.forEach(c -> counts.merge(c.level(), 1, Integer::sum));
        return counts;
    }

    private String summary() {
        StringBuilder s = new StringBuilder(comparisons.size() + " comparison(s):");
        counts().forEach((level, n) -> s.append(' ').append(n).append(' ').append(level.name().toLowerCase(Locale.ROOT)));
        return s.toString();
    }

    private String text() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < comparisons.size(); i++) {
            out.append(String.format(Locale.ROOT, "%-12s %s: %s%n", comparisons.get(i).level(),
                    Printable.escape(tests.get(i)), Printable.escape(comparisons.get(i).message())));
        }
        return out.append(summary()).append(System.lineSeparator()).toString();
    }

    private String markdown() {
        StringBuilder out = new StringBuilder("| Verdict | Test | Metric | Baseline | Current | Change | 95% interval | p |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            out.append("| ").append(c.level()).append(" | `").append(escape(tests.get(i))).append("` | ")
                    .append(escape(c.statistic() + " " + c.metric())).append(" | ")
                    .append(c.baselineValue() == null ? "–" : UnitFormat.number(c.baselineValue())).append(" | ")
                    .append(UnitFormat.number(c.currentValue())).append(" | ")
                    .append(c.ratio() == null ? "–" : UnitFormat.percent(c.ratio() - 1)).append(" | ")
                    .append(c.ratioCiLow() == null ? "–" : UnitFormat.percent(c.ratioCiLow() - 1) + " … "
                            + UnitFormat.percent(c.ratioCiHigh() - 1)).append(" | ")
                    .append(c.pValue() == null ? "–" : UnitFormat.pValue(c.pValue())).append(" |\n");
        }
        return out.append('\n').append(summary()).append('\n').toString();
    }

    private String json(int exitCode) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            rows.add(new Row(tests.get(i), comparisons.get(i)));
        }
        try {
            return ResultJson.mapper().writeValueAsString(new Document(exitCode, counts(), rows)) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String s) {
        // test names are user-controlled: keep them from breaking the table or injecting HTML
        return Printable.escape(s).replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("`", "'");
    }
}
