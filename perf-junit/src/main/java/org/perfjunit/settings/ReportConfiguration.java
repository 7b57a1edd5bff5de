package org.perfjunit.settings;

import org.perfjunit.report.ReportFormat;
import org.perfjunit.report.ReportSettings;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads {@link ReportSettings}, where and what the report listener writes, once per run from JUnit
 * configuration parameters ({@code junit-platform.properties} or {@code -D} keys).
 *
 * <pre>{@code
 * # junit-platform.properties
 * perf.junit.report.dir=target/perf-reports
 * perf.junit.report.formats=json,markdown,html
 * perf.junit.history.file=.perf-history/history.jsonl
 * perf.junit.history.retention=200
 * perf.junit.report.console=true
 * }</pre>
 */
public final class ReportConfiguration {

    /** {@value}: where reports and per-test result files go; default {@code target/perf-reports}. */
    static final String REPORT_DIR_PROPERTY_NAME = "perf.junit.report.dir";
    /** {@value}: comma-separated {@link ReportFormat} keys, or {@code all} (the default), or {@code none}. */
    static final String FORMATS_PROPERTY_NAME = "perf.junit.report.formats";
    /** {@value}: the history file; default {@code .perf-history/history.jsonl}. */
    static final String HISTORY_FILE_PROPERTY_NAME = "perf.junit.history.file";
    /** {@value}: runs kept in the history; {@code 0} disables history. Default 200. */
    static final String HISTORY_RETENTION_PROPERTY_NAME = "perf.junit.history.retention";
    /** {@value}: {@code true} (default) or {@code false}: print the summary table at the end of the run. */
    static final String CONSOLE_PROPERTY_NAME = "perf.junit.report.console";
    /**
     * {@value}: {@code true} or {@code false}: whether failing to write {@code perf-results.json} fails the
     * build. Default: {@code true} when the environment variable {@code CI} is {@code true}, else {@code false}.
     */
    static final String REQUIRED_PROPERTY_NAME = ReportSettings.REQUIRED_PROPERTY_NAME;

    private ReportConfiguration() {
    }

    /** The report directory of {@value #REPORT_DIR_PROPERTY_NAME}, also where per-test result files go. */
    static Path reportDir(Function<String, Optional<String>> parameters) {
        return Path.of(parameters.apply(REPORT_DIR_PROPERTY_NAME).map(String::trim).filter(s -> !s.isEmpty())
                .orElse(ReportSettings.DEFAULT_REPORT_DIR));
    }

    /**
     * Reads the settings from a parameter lookup such as {@code ConfigurationParameters::get}.
     *
     * @throws IllegalArgumentException naming the key, the value and the accepted values
     */
    public static ReportSettings from(Function<String, Optional<String>> parameters) {
        return from(parameters, System::getenv);
    }

    /** As {@link #from(Function)}, with the environment given (for tests). */
    static ReportSettings from(Function<String, Optional<String>> parameters, Function<String, String> environment) {
        Set<ReportFormat> formats = parameters.apply(FORMATS_PROPERTY_NAME).map(ReportConfiguration::parseFormats)
                .orElse(EnumSet.allOf(ReportFormat.class));
        Path history = Path.of(parameters.apply(HISTORY_FILE_PROPERTY_NAME).map(String::trim)
                .filter(s -> !s.isEmpty()).orElse(ReportSettings.DEFAULT_HISTORY_FILE));
        int retention = parameters.apply(HISTORY_RETENTION_PROPERTY_NAME).map(String::trim)
                .map(ReportConfiguration::parseRetention).orElse(ReportSettings.DEFAULT_HISTORY_RETENTION);
        boolean console = parameters.apply(CONSOLE_PROPERTY_NAME).map(String::trim)
                .map(v -> parseBoolean(CONSOLE_PROPERTY_NAME, v)).orElse(true);
        boolean required = parameters.apply(REQUIRED_PROPERTY_NAME).map(String::trim)
                .map(v -> parseBoolean(REQUIRED_PROPERTY_NAME, v)).orElse("true".equalsIgnoreCase(environment.apply("CI")));
        return new ReportSettings(reportDir(parameters), formats, history, retention, console, required);
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
