package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.RequiresHardware;
import org.perfjunit.baseline.BaselineKeys;
import org.perfjunit.model.MetricNames;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every {@code perf.junit.*} configuration key, and the check that a key a user set is one of
 * them: a typo such as {@code perf.junit.measurment.iterations} would otherwise be ignored in
 * silence and the test would run with defaults. Unknown keys are reported with the closest known one.
 */
final class ConfigurationKeys {

    static final String PREFIX = "perf.junit.";

    /** Keys of all features; a new key must be added here. */
    static final Set<String> KNOWN = Set.of(
            PerfConfiguration.MODE_PROPERTY_NAME,
            PerfConfiguration.WARMUP_ITERATIONS_PROPERTY_NAME,
            PerfConfiguration.WARMUP_MAX_TIME_PROPERTY_NAME,
            PerfConfiguration.ITERATIONS_PROPERTY_NAME,
            PerfConfiguration.MIN_SAMPLES_PROPERTY_NAME,
            PerfConfiguration.MAX_SAMPLES_PROPERTY_NAME,
            PerfConfiguration.MIN_TIME_PROPERTY_NAME,
            PerfConfiguration.MAX_TIME_PROPERTY_NAME,
            PerfConfiguration.PRECISION_PROPERTY_NAME,
            PerfConfiguration.BATCH_SIZE_PROPERTY_NAME,
            PerfConfiguration.SAMPLE_TIME_PROPERTY_NAME,
            PerfConfiguration.THREADS_PROPERTY_NAME,
            TimeoutConfiguration.TIMEOUT_PROPERTY_NAME,
            TimeoutConfiguration.THREAD_MODE_PROPERTY_NAME,
            RequiresHardware.MISSING_PROPERTY_NAME,
            ReportConfiguration.REPORT_DIR_PROPERTY_NAME,
            ReportConfiguration.FORMATS_PROPERTY_NAME,
            ReportConfiguration.HISTORY_FILE_PROPERTY_NAME,
            ReportConfiguration.HISTORY_RETENTION_PROPERTY_NAME,
            ReportConfiguration.CONSOLE_PROPERTY_NAME,
            BaselineKeys.MODE_PROPERTY_NAME,
            BaselineKeys.DIR_PROPERTY_NAME,
            BaselineKeys.METRICS_PROPERTY_NAME,
            BaselineKeys.STATISTIC_PROPERTY_NAME,
            BaselineKeys.CONFIDENCE_PROPERTY_NAME,
            BaselineKeys.FAIL_ON_INCONCLUSIVE_PROPERTY_NAME,
            BaselineKeys.NORMALIZE_PROPERTY_NAME,
            BaselineKeys.MAX_SAMPLES_PROPERTY_NAME,
            BaselineKeys.MAX_RATIO_PROPERTY_NAME,
            BaselineKeys.CONFIRM_JVMS_PROPERTY_NAME,
            RevisionConfiguration.REVISION_PROPERTY_NAME,
            ReportConfiguration.REQUIRED_PROPERTY_NAME,
            ForkConfiguration.FORK_PROPERTY_NAME,
            ForkConfiguration.JVM_ARGS_PROPERTY_NAME,
            ForkConfiguration.TIMEOUT_PROPERTY_NAME,
            ForkConfiguration.CHILD_RESULT_PROPERTY_NAME,
            LoadConfiguration.RATE_PROPERTY_NAME,
            NoiseConfiguration.ACTION_PROPERTY_NAME,
            NoiseConfiguration.DRIFT_ALPHA_PROPERTY_NAME,
            NoiseConfiguration.MAX_CI_PROPERTY_NAME,
            NoiseConfiguration.MAX_CV_PROPERTY_NAME,
            NoiseConfiguration.MIN_DRIFT_PROPERTY_NAME,
            NoiseConfiguration.MIN_SAMPLES_PROPERTY_NAME);

    /** Key families with a user-chosen last segment, e.g. {@code perf.junit.baseline.warning.time}. */
    static final Set<String> KNOWN_PREFIXES = Set.of(
            BaselineKeys.WARNING_PROPERTY_NAME_PREFIX,
            BaselineKeys.CRITICAL_PROPERTY_NAME_PREFIX,
            BaselineKeys.REVISION_WARNING_PROPERTY_NAME_PREFIX,
            BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX);

    /** The metrics revision A/B pairs, the last segment of its threshold keys. */
    private static final Set<String> REVISION_METRICS = Set.of(MetricNames.TIME, MetricNames.CPU_TIME);

    /**
     * Old spellings that still work, each with a deprecation warning (once per run) naming the new key:
     * old key by new key.
     */
    static final Map<String, String> DEPRECATED_SPELLINGS = Map.of(
            BaselineKeys.MAX_SAMPLES_PROPERTY_NAME, BaselineKeys.DEPRECATED_SPELLINGS.get(BaselineKeys.MAX_SAMPLES_PROPERTY_NAME),
            BaselineKeys.FAIL_ON_INCONCLUSIVE_PROPERTY_NAME,
            BaselineKeys.DEPRECATED_SPELLINGS.get(BaselineKeys.FAIL_ON_INCONCLUSIVE_PROPERTY_NAME),
            TimeoutConfiguration.THREAD_MODE_PROPERTY_NAME, "perf.junit.measurement.thread");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ConfigurationKeys.class);

    private ConfigurationKeys() {
    }

    /**
     * The run's configuration parameters by key, where a key renamed in {@link #DEPRECATED_SPELLINGS} is also
     * found under its old spelling, with a warning on standard error the first time in the run.
     */
    static Function<String, Optional<String>> parameters(ExtensionContext context) {
        @SuppressWarnings("unchecked")
        Map<String, Boolean> warned = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("deprecation-warnings", k -> new ConcurrentHashMap<String, Boolean>(), Map.class);
        return withDeprecatedSpellings(context::getConfigurationParameter,
                old -> warned.putIfAbsent(old, true) == null,
                warning -> System.err.println("[perf-junit] WARNING: " + warning));
    }

    /**
     * {@code parameters}, where a renamed key is also found under its old spelling.
     *
     * @param firstTime whether a warning for this old key is due (true once per run)
     * @param warn      receives the deprecation warning
     */
    static Function<String, Optional<String>> withDeprecatedSpellings(Function<String, Optional<String>> parameters,
            Predicate<String> firstTime, Consumer<String> warn) {
        return key -> {
            Optional<String> value = parameters.apply(key);
            String old = DEPRECATED_SPELLINGS.get(key);
            if (value.isPresent() || old == null) {
                return value;
            }
            Optional<String> fromOld = parameters.apply(old);
            if (fromOld.isPresent() && firstTime.test(old)) {
                warn.accept(deprecationWarning(old, key));
            }
            return fromOld;
        };
    }

    static String deprecationWarning(String old, String key) {
        return BaselineKeys.deprecationWarning(old, key);
    }

    /** Warnings for unknown {@code perf.junit.*} keys among system properties and {@code junit-platform.properties}. */
    static List<String> unknownKeyWarnings(ClassLoader loader) {
        List<String> warnings = new ArrayList<>();
        for (String key : new TreeSet<>(System.getProperties().stringPropertyNames())) {
            check(key, "system property -D" + key, warnings);
        }
        try {
            Enumeration<URL> files = loader.getResources("junit-platform.properties");
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                    check(key, url.toString(), warnings);
                }
            }
        } catch (IOException e) {
            warnings.add("could not read junit-platform.properties to check perf.junit keys: " + e.getMessage());
        }
        return warnings;
    }

    static void check(String key, String source, List<String> warnings) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String prefix : List.of(BaselineKeys.REVISION_WARNING_PROPERTY_NAME_PREFIX,
                BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX)) {
            if (key.startsWith(prefix) && !REVISION_METRICS.contains(key.substring(prefix.length()))) {
                warnings.add("configuration key [" + key + "] in " + source + " is ignored: revision A/B pairs time "
                        + "and CPU time only, so its thresholds are [" + prefix + "time] and [" + prefix + "cpu_time]");
                return;
            }
        }
        if (!lower.startsWith(PREFIX) || KNOWN.contains(key) || DEPRECATED_SPELLINGS.containsValue(key) || KNOWN_PREFIXES.stream().anyMatch(
                p -> key.startsWith(p) && key.length() > p.length())) {
            return;
        }
        String suggestion = closest(lower);
        warnings.add("unknown configuration key [" + key + "] in " + source + "; it is ignored"
                + (suggestion == null ? ". Known keys are listed in the README." : ". Did you mean [" + suggestion + "]?"));
    }

    private static String closest(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KNOWN) {
            int d = distance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(3, key.length() / 4) ? best : null;
    }

    /** Levenshtein distance; keys are short, so the quadratic table is fine. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
