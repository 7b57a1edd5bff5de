package org.perfjunit.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where and what the report listener writes. Read once per run from JUnit configuration parameters
 * ({@code junit-platform.properties} or {@code -D} keys).
 *
 * <pre>{@code
 * # junit-platform.properties
 * perf.junit.report.dir=target/perf-reports
 * perf.junit.report.formats=json,markdown,html
 * perf.junit.history.file=.perf-history/history.jsonl
 * perf.junit.history.retention=200
 * perf.junit.report.console=true
 * perf.junit.report.required=true
 * }</pre>
 *
 * @param reportDir        directory of the report files
 * @param formats          report files to write
 * @param historyFile      JSON-lines history file, outside {@code target/} so it survives {@code mvn clean}
 * @param historyRetention runs kept in the history file (oldest dropped first)
 * @param console          whether the summary table is printed to standard output
 * @param required         whether failing to write {@code perf-results.json} fails the build
 */
public record ReportConfiguration(Path reportDir, Set<ReportFormat> formats, Path historyFile, int historyRetention,
                                  boolean console, boolean required) {

    /** Report directory; default {@value #DEFAULT_REPORT_DIR}. */
    public static final String REPORT_DIR_PROPERTY_NAME = "perf.junit.report.dir";
    /** Default of {@value #REPORT_DIR_PROPERTY_NAME}, relative to the working directory. */
    public static final String DEFAULT_REPORT_DIR = "target/perf-reports";
    /** Comma-separated {@link ReportFormat} keys, or {@code all} (the default), or {@code none}. */
    public static final String FORMATS_PROPERTY_NAME = "perf.junit.report.formats";
    /** History file; default {@value #DEFAULT_HISTORY_FILE}. */
    public static final String HISTORY_FILE_PROPERTY_NAME = "perf.junit.history.file";
    /** Default of {@value #HISTORY_FILE_PROPERTY_NAME}, relative to the working directory (the module). */
    public static final String DEFAULT_HISTORY_FILE = ".perf-history/history.jsonl";
    /** Runs kept in the history; {@code 0} disables history. Default {@value #DEFAULT_HISTORY_RETENTION}. */
    public static final String HISTORY_RETENTION_PROPERTY_NAME = "perf.junit.history.retention";
    /** Default of {@value #HISTORY_RETENTION_PROPERTY_NAME}. */
    public static final int DEFAULT_HISTORY_RETENTION = 200;
    /** {@code true} (default) or {@code false}: print the summary table at the end of the run. */
    public static final String CONSOLE_PROPERTY_NAME = "perf.junit.report.console";
    /**
     * {@code true} or {@code false}: whether failing to write {@code perf-results.json} fails the build
     * (the test engine's run ends in an error). Default: {@code true} when the environment variable
     * {@code CI} is {@code true} (as GitHub Actions, GitLab CI and most CI services set it), else {@code false}.
     */
    public static final String REQUIRED_PROPERTY_NAME = "perf.junit.report.required";

    public ReportConfiguration {
        formats = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
        if (historyRetention < 0) {
            throw new IllegalArgumentException("history retention must be >= 0, was " + historyRetention);
        }
    }

    /** The defaults, with every format. */
    public static ReportConfiguration defaults() {
        return from(key -> Optional.empty());
    }

    /**
     * Reads the configuration from a parameter lookup such as
     * {@code ConfigurationParameters::get}.
     *
     * @throws IllegalArgumentException naming the key, the value and the accepted values
     */
    public static ReportConfiguration from(Function<String, Optional<String>> parameters) {
        return from(parameters, System::getenv);
    }

    /** As {@link #from(Function)}, with the environment given (for tests). */
    static ReportConfiguration from(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        Path dir = Path.of(parameters.apply(REPORT_DIR_PROPERTY_NAME).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(DEFAULT_REPORT_DIR));
        Set<ReportFormat> formats = parameters.apply(FORMATS_PROPERTY_NAME).map(ReportConfiguration::parseFormats)
                .orElse(EnumSet.allOf(ReportFormat.class));
        Path history = Path.of(parameters.apply(HISTORY_FILE_PROPERTY_NAME).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(DEFAULT_HISTORY_FILE));
        int retention = parameters.apply(HISTORY_RETENTION_PROPERTY_NAME).map(String::trim)
                .map(v -> parseRetention(v)).orElse(DEFAULT_HISTORY_RETENTION);
        boolean console = parameters.apply(CONSOLE_PROPERTY_NAME).map(String::trim)
                .map(v -> parseBoolean(CONSOLE_PROPERTY_NAME, v)).orElse(true);
        boolean required = parameters.apply(REQUIRED_PROPERTY_NAME).map(String::trim)
                .map(v -> parseBoolean(REQUIRED_PROPERTY_NAME, v)).orElse("true".equalsIgnoreCase(environment.apply("CI")));
        return new ReportConfiguration(dir, formats, history, retention, console, required);
    }

    /** A copy writing to {@code dir}. */
    public ReportConfiguration withReportDir(Path dir) {
        return new ReportConfiguration(dir, formats, historyFile, historyRetention, console, required);
    }

    static Set<ReportFormat> parseFormats(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("all")) {
            return EnumSet.allOf(ReportFormat.class);
        }
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        if (v.equals("none")) {
            return formats;
        }
        for (String part : v.split(",")) {
            String p = part.trim();
            formats.add(Arrays.stream(ReportFormat.values()).filter(f -> f.key().equals(p)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Configuration error: [" + FORMATS_PROPERTY_NAME
                            + "] has unknown format [" + p + "]; use a comma-separated list of "
                            + Arrays.stream(ReportFormat.values()).map(ReportFormat::key)
                            .collect(Collectors.joining(", ")) + ", or all, or none.")));
        }
        return formats;
    }

    private static int parseRetention(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("Configuration error: [" + HISTORY_RETENTION_PROPERTY_NAME + "] must be a"
                + " whole number >= 0 (runs kept; 0 disables history), was [" + value + "].");
    }

    private static boolean parseBoolean(String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("Configuration error: [" + key + "] must be true or false, was ["
                + value + "].");
    }
}
