package org.perfjunit.report;

import java.util.Locale;

/**
 * A report file the run can write. Selected with {@code perf.junit.report.formats}
 * using the lower-case names ({@code json,markdown,html,jmh,github}).
 */
public enum ReportFormat {
    /** {@code perf-results.json}, the schema-versioned record of the run. */
    JSON("perf-results.json"),
    /** {@code perf-report.md}, a table for a pull-request comment. */
    MARKDOWN("perf-report.md"),
    /** {@code perf-report.html}, one self-contained page with inline SVG charts. */
    HTML("perf-report.html"),
    /** {@code jmh-result.json}, JMH's JSON result format (jmh-visualizer, Jenkins JMH report). */
    JMH("jmh-result.json"),
    /** github-action-benchmark {@code customSmallerIsBetter} and {@code customBiggerIsBetter} files. */
    GITHUB("github-benchmark-smaller-is-better.json");

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    /** The (first) file this format writes, relative to the report directory. */
    public String fileName() {
        return fileName;
    }

    /** The configuration value: {@code json}, {@code markdown}, ... */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
