package org.perfjunit.baseline;

import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Statistic;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves {@link BaselineSettings} for one test: method {@code @Baseline} > class {@code @Baseline}
 * > {@code perf.junit.baseline.*} key > default. JUnit-free, so the command line judges a run with the
 * same keys as the tests; the annotations arrive as plain {@link Declared} values. Invalid values are
 * {@link IllegalArgumentException}s naming the attribute or key, the value and the fix.
 */
public final class BaselineKeys {

    /** Baseline mode: {@value}; {@code compare} (default), {@code strict}, {@code update}, {@code update_if_improved}, {@code off}. */
    public static final String MODE_PROPERTY_NAME = "perf.junit.baseline.mode";
    /** Baseline directory: {@value}; default {@code baselines/} at the top of the git checkout. */
    public static final String DIR_PROPERTY_NAME = "perf.junit.baseline.dir";
    /** Compared metrics, comma separated: {@value}. */
    public static final String METRICS_PROPERTY_NAME = "perf.junit.baseline.metrics";
    /** Compared statistic: {@value}; default {@code median}. */
    public static final String STATISTIC_PROPERTY_NAME = "perf.junit.baseline.statistic";
    /** Prefix of per-metric warning thresholds: {@value}{@code <metric>}, e.g. {@code ...warning.time=10%}. */
    public static final String WARNING_PROPERTY_NAME_PREFIX = "perf.junit.baseline.warning.";
    /** Prefix of per-metric critical thresholds: {@value}{@code <metric>}, e.g. {@code ...critical.time=20%}. */
    public static final String CRITICAL_PROPERTY_NAME_PREFIX = "perf.junit.baseline.critical.";
    /**
     * Prefix of the revision A/B warning threshold of time or CPU time: {@value}{@code time} or
     * {@value}{@code cpu_time}; default 1% ({@link BaselineSettings#REVISION_DEFAULT}).
     */
    public static final String REVISION_WARNING_PROPERTY_NAME_PREFIX = "perf.junit.baseline.revision.warning.";
    /** Prefix of the revision A/B critical threshold of time or CPU time: {@value}{@code time}; default 3%. */
    public static final String REVISION_CRITICAL_PROPERTY_NAME_PREFIX = "perf.junit.baseline.revision.critical.";
    /** Confidence of the ratio interval: {@value}; default {@code 0.95}. */
    public static final String CONFIDENCE_PROPERTY_NAME = "perf.junit.baseline.confidence";
    /** Whether an INCONCLUSIVE verdict fails the test: {@value}; default {@code false}. */
    public static final String FAIL_ON_INCONCLUSIVE_PROPERTY_NAME = "perf.junit.baseline.fail.on.inconclusive";
    /**
     * Retired: {@value}. {@code true} is a configuration error (calibration normalization pointed the wrong
     * way across hosts); {@code false} is accepted so existing files keep working.
     */
    public static final String NORMALIZE_PROPERTY_NAME = "perf.junit.baseline.normalize";
    /** Raw samples kept per metric in a baseline entry: {@value}; default {@code 200}. */
    public static final String MAX_SAMPLES_PROPERTY_NAME = "perf.junit.baseline.max.samples";
    /**
     * Expected ratio of paired A/B tests ({@code @Baseline(against = ...)}): {@value}, the most candidate /
     * reference time may be, e.g. {@code 1.9}; unset by default (the critical threshold judges). Tests
     * without {@code against} ignore it.
     */
    public static final String MAX_RATIO_PROPERTY_NAME = "perf.junit.baseline.max.ratio";
    /**
     * Fresh JVMs that measure a test again before a stored-baseline verdict on time or CPU time
     * fails it: {@value}; default {@code 3} ({@link BaselineSettings#DEFAULT_CONFIRM_JVMS}), {@code 0} fails at once.
     */
    public static final String CONFIRM_JVMS_PROPERTY_NAME = "perf.junit.baseline.confirm.jvms";
    /** The "unset" sentinel of {@link Declared#maxRatio()}, {@code @Baseline(maxRatio)}'s default. */
    public static final double UNSET_RATIO = -1;
    private static final String RATIO_EXAMPLE = "a positive ratio candidate / reference, e.g. 1.9 (at most 1.9x the "
            + "reference's time) or 0.8 (at least 20% faster)";

    /** Old spellings of renamed keys, which still work: old key by new key. */
    public static final Map<String, String> DEPRECATED_SPELLINGS = Map.of(
            MAX_SAMPLES_PROPERTY_NAME, "perf.junit.baseline.max_samples",
            FAIL_ON_INCONCLUSIVE_PROPERTY_NAME, "perf.junit.baseline.fail_on_inconclusive");

    private final Function<String, Optional<String>> configuration;

    /** The warning for a key set under its old spelling {@code old}, naming the new key. */
    public static String deprecationWarning(String old, String key) {
        return "configuration key [" + old + "] is deprecated and will be removed; rename it to [" + key + "]";
    }

    public BaselineKeys(Function<String, Optional<String>> configuration) {
        this.configuration = configuration;
    }

    /**
     * The settings the {@code perf.junit.baseline.*} keys alone give (no annotations), e.g. from a
     * {@code junit-platform.properties} file, so the command line judges a run as the tests did.
     *
     * @param keys   configuration value by key
     * @param source where the keys come from, for error messages
     * @throws IllegalArgumentException when a value is invalid
     */
    public static BaselineSettings fromKeys(Function<String, Optional<String>> keys, String source) {
        return new BaselineKeys(keys).resolve(Optional.empty(), Optional.empty(), source);
    }

    /** The settings of {@code testName} (used in messages) given its method and class annotations. */
    public BaselineSettings resolve(Optional<Declared> method, Optional<Declared> type, String testName) {
        BaselineSettings defaults = BaselineSettings.defaults();
        Source source = new Source(method, type, testName);
        BaselineMode mode = source.attribute(Declared::mode, "mode").map(v -> parseMode(v, source.where("mode")))
                .or(() -> key(MODE_PROPERTY_NAME).map(v -> parseMode(v, keyWhere(MODE_PROPERTY_NAME))))
                .orElse(defaults.mode());
        Optional<List<String>> named = source.array(Declared::metrics).map(a -> checkMetrics(a, source.where("metrics")));
        // metrics named on @Baseline must be reported (a typo fails); the suite-wide key's are compared where reported
        List<String> metrics = named.or(() -> key(METRICS_PROPERTY_NAME)
                .map(v -> checkMetrics(v.split(","), keyWhere(METRICS_PROPERTY_NAME)))).orElse(List.of());
        Statistic statistic = source.attribute(Declared::statistic, "statistic")
                .map(v -> parseStatistic(v, source.where("statistic")))
                .or(() -> key(STATISTIC_PROPERTY_NAME).map(v -> parseStatistic(v, keyWhere(STATISTIC_PROPERTY_NAME))))
                .orElse(defaults.statistic());
        Map<String, String> methodWarning = specs(method, Declared::warning, "warning", testName);
        Map<String, String> methodCritical = specs(method, Declared::critical, "critical", testName);
        Map<String, String> typeWarning = specs(type, Declared::warning, "warning", testName);
        Map<String, String> typeCritical = specs(type, Declared::critical, "critical", testName);
        // thresholds are resolved eagerly (errors surface before measuring) for every metric that may be compared
        Set<String> names = new LinkedHashSet<>(BaselineSettings.DEFAULT_METRICS);
        names.add(MetricNames.CPU_TIME);
        names.addAll(metrics);
        names.addAll(methodWarning.keySet());
        names.addAll(methodCritical.keySet());
        names.addAll(typeWarning.keySet());
        names.addAll(typeCritical.keySet());
        Map<String, Threshold> thresholds = new HashMap<>();
        Set<String> configured = new HashSet<>();
        for (String name : names) {
            Limit warning = limit(name, methodWarning, typeWarning, WARNING_PROPERTY_NAME_PREFIX, "warning", testName);
            Limit critical = limit(name, methodCritical, typeCritical, CRITICAL_PROPERTY_NAME_PREFIX, "critical", testName);
            if (warning != null || critical != null) {
                // only configured ones are kept: the rest follow the mode's defaults (revision A/B has its own)
                thresholds.put(name, threshold(name, warning, critical, BaselineSettings.defaultThreshold(name)));
                configured.add(name);
            }
        }
        // operations per second is the same measurement as time per operation: unless configured on its
        // own, it follows time's thresholds, so "time=50%" is not undercut by throughput's default 15%
        if (configured.contains(MetricNames.TIME) && !configured.contains(MetricNames.THROUGHPUT)) {
            thresholds.put(MetricNames.THROUGHPUT, thresholds.get(MetricNames.TIME));
        }
        double confidence = key(CONFIDENCE_PROPERTY_NAME).map(v -> parseNumber(v, CONFIDENCE_PROPERTY_NAME, 0.5, 1,
                "a confidence level such as 0.95")).orElse(defaults.confidence());
        int maxSamples = key(MAX_SAMPLES_PROPERTY_NAME).map(BaselineKeys::parseMaxSamples)
                .orElse(defaults.maxSamples());
        int confirmJvms = key(CONFIRM_JVMS_PROPERTY_NAME).map(BaselineKeys::parseConfirmJvms)
                .orElse(defaults.confirmJvms());
        Path directory = key(DIR_PROPERTY_NAME).map(BaselineKeys::parsePath).orElse(null);
        String against = method.map(Declared::against).filter(s -> !s.isBlank()).orElse("");
        double maxRatio = maxRatio(method, type, testName, against);
        if (parseBoolean(NORMALIZE_PROPERTY_NAME, false)) {
            throw new IllegalArgumentException("Configuration error: " + NORMALIZE_PROPERTY_NAME + " [true] is "
                    + "retired: one calibration workload cannot stand for every test's sensitivity to a processor "
                    + "(across two hosts it moved verdicts the wrong way). Baselines are now judged only on a matching "
                    + "machine signature; remove the key.");
        }
        return new BaselineSettings(mode, metrics, statistic, thresholds, confidence,
                parseBoolean(FAIL_ON_INCONCLUSIVE_PROPERTY_NAME, false), maxSamples, against, directory,
                named.isPresent(), maxRatio, revisionThresholds(testName), confirmJvms);
    }

    /**
     * The expected ratio of a paired test, NaN when unset or the test has no reference: method
     * {@code maxRatio} (an error without {@code against} on the same method), class {@code maxRatio}, key.
     * The class's and the key's apply to the paired tests among those they cover.
     */
    private double maxRatio(Optional<Declared> method, Optional<Declared> type, String testName, String against) {
        Optional<Double> onMethod = method.map(Declared::maxRatio).filter(v -> v != UNSET_RATIO);
        if (onMethod.isPresent()) {
            double value = checkRatio(onMethod.get(), testName);
            if (against.isEmpty()) {
                throw new IllegalArgumentException("Configuration error: @Baseline(maxRatio = " + value + ") on ["
                        + testName + "] needs a reference to divide by; name it with @Baseline(against = "
                        + "\"referenceMethod\", maxRatio = " + value + ").");
            }
            return value;
        }
        Optional<Double> inherited = type.map(Declared::maxRatio).filter(v -> v != UNSET_RATIO)
                .map(v -> checkRatio(v, testName))
                .or(() -> key(MAX_RATIO_PROPERTY_NAME).map(BaselineKeys::parseRatio));
        return against.isEmpty() ? Double.NaN : inherited.orElse(Double.NaN);
    }

    private static double checkRatio(double value, String testName) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Configuration error: @Baseline(maxRatio = " + value + ") on ["
                    + testName + "] must be " + RATIO_EXAMPLE + ".");
        }
        return value;
    }

    private static double parseRatio(String value) {
        try {
            double d = Double.parseDouble(value);
            if (d > 0 && !Double.isInfinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(keyWhere(MAX_RATIO_PROPERTY_NAME) + " value [" + value + "]", "expected " + RATIO_EXAMPLE);
    }

    private Optional<String> key(String name) {
        Optional<String> value = configuration.apply(name);
        if (value.isEmpty() && DEPRECATED_SPELLINGS.containsKey(name)) {
            value = configuration.apply(DEPRECATED_SPELLINGS.get(name));
        }
        return value.map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * The revision A/B thresholds of time and CPU time set by key (the only metrics that mode pairs), each
     * level unset falling back to {@link BaselineSettings#REVISION_DEFAULT}'s; relative only.
     */
    private Map<String, Threshold> revisionThresholds(String testName) {
        Map<String, Threshold> out = new HashMap<>();
        for (String name : List.of(MetricNames.TIME, MetricNames.CPU_TIME)) {
            Limit warning = limit(name, Map.of(), Map.of(), REVISION_WARNING_PROPERTY_NAME_PREFIX, "warning", testName);
            Limit critical = limit(name, Map.of(), Map.of(), REVISION_CRITICAL_PROPERTY_NAME_PREFIX, "critical", testName);
            if (warning == null && critical == null) {
                continue;
            }
            Limit given = warning != null && warning.points ? warning : critical != null && critical.points ? critical : null;
            if (given != null) {
                throw error(given.where, "revision A/B compares time as a ratio; write a percentage, e.g. '3%'");
            }
            out.put(name, threshold(name, warning, critical, BaselineSettings.REVISION_DEFAULT));
        }
        return out;
    }

    private Limit limit(String metric, Map<String, String> method, Map<String, String> type, String prefix,
                        String attribute, String testName) {
        String text = method.get(metric);
        String where = "@Baseline on [" + testName + "] attribute '" + attribute + "' entry [" + metric + "=";
        if (text == null) {
            text = type.get(metric);
        }
        if (text == null) {
            Optional<String> fromKey = key(prefix + metric);
            if (fromKey.isEmpty()) {
                return null;
            }
            text = fromKey.get();
            where = "key [" + prefix + metric + "] value [";
        }
        try {
            return new Limit(Threshold.parseLimit(text), Threshold.isPoints(text), where + text + "]");
        } catch (IllegalArgumentException e) {
            throw error(where + text + "]", e.getMessage() + "; write e.g. '" + metric + "=15%' or 'accuracy=1pt'");
        }
    }

    private static Threshold threshold(String metric, Limit warning, Limit critical, Threshold byDefault) {
        if (warning == null && critical == null) {
            return byDefault;
        }
        if (warning != null && critical != null && warning.points != critical.points) {
            throw error(warning.where + " and " + critical.where, "warning and critical of [" + metric
                    + "] must both be relative (%) or both absolute (pt)");
        }
        boolean points = warning != null ? warning.points : critical != null ? critical.points : byDefault.absolute();
        if ((warning == null || critical == null) && points != byDefault.absolute()) {
            Limit given = warning != null ? warning : critical;
            throw error(given.where, "the default thresholds of [" + metric + "] are in "
                    + (byDefault.absolute() ? "points (pt)" : "percent (%)") + "; set both warning and critical in the same unit");
        }
        // an unset level adapts to the set one, so "critical = time=5%" alone does not conflict with the 8% warning
        double w = warning != null ? warning.value : Math.min(byDefault.warning(), critical.value);
        double c = critical != null ? critical.value : Math.max(byDefault.critical(), w);
        if (w > c) {
            throw error(warning.where + " and " + critical.where, "the warning threshold of [" + metric
                    + "] must not exceed the critical one");
        }
        return new Threshold(w, c, points);
    }

    private static Map<String, String> specs(Optional<Declared> annotation, Function<Declared, String[]> attribute,
                                             String name, String testName) {
        Map<String, String> out = new HashMap<>();
        for (String spec : annotation.map(attribute).orElse(new String[0])) {
            int eq = spec.indexOf('=');
            String metric = eq < 0 ? "" : spec.substring(0, eq).trim();
            if (metric.isEmpty() || out.put(metric, spec.substring(eq + 1).trim()) != null) {
                throw error("@Baseline on [" + testName + "] attribute '" + name + "' entry [" + spec + "]",
                        "expected one 'metric=limit' entry per metric, e.g. '" + name + " = \"time=15%\"'");
            }
        }
        return out;
    }

    private static List<String> checkMetrics(String[] names, String where) {
        List<String> out = Arrays.stream(names).map(String::trim).collect(Collectors.toList());
        if (out.isEmpty() || out.stream().anyMatch(String::isEmpty)) {
            throw error(where + " value [" + String.join(",", names) + "]",
                    "list metric names such as 'time, allocated'");
        }
        return out;
    }

    private static BaselineMode parseMode(String value, String where) {
        return BaselineMode.parse(value).orElseThrow(() -> error(where + " value [" + value + "]",
                "expected one of compare, strict, update, update_if_improved, off"));
    }

    private static Statistic parseStatistic(String value, String where) {
        for (Statistic s : Statistic.values()) {
            if (s.label().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw error(where + " value [" + value + "]", "expected one of " + Arrays.stream(Statistic.values())
                .map(Statistic::label).collect(Collectors.joining(", ")));
    }

    private static double parseNumber(String value, String key, double above, double below, String expected) {
        try {
            double d = Double.parseDouble(value);
            if (d > above && d < below) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(keyWhere(key) + " value [" + value + "]", "expected " + expected);
    }

    private static int parseMaxSamples(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 10 && n <= 100_000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(keyWhere(MAX_SAMPLES_PROPERTY_NAME) + " value [" + value + "]",
                "expected a whole number of samples between 10 and 100000");
    }

    private static int parseConfirmJvms(String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 0 && n <= BaselineSettings.MAX_CONFIRM_JVMS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(keyWhere(CONFIRM_JVMS_PROPERTY_NAME) + " value [" + value + "]", "expected a whole number of "
                + "fresh JVMs between 0 (fail at once) and " + BaselineSettings.MAX_CONFIRM_JVMS);
    }

    private boolean parseBoolean(String key, boolean fallback) {
        return key(key).map(v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(keyWhere(key) + " value [" + v + "]", "expected true or false");
        }).orElse(fallback);
    }

    private static Path parsePath(String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw error(keyWhere(DIR_PROPERTY_NAME) + " value [" + value + "]", "expected a directory path");
        }
    }

    private static String keyWhere(String key) {
        return "key [" + key + "]";
    }

    private static IllegalArgumentException error(String what, String fix) {
        return new IllegalArgumentException("Configuration error: " + what + " is invalid: " + fix + ".");
    }

    /** One parsed limit and where it came from, for messages. */
    private record Limit(double value, boolean points, String where) {
    }

    /**
     * The attributes of one {@code @Baseline} declaration; blank strings and empty arrays mean "unset".
     *
     * @param mode      baseline mode
     * @param metrics   compared metrics
     * @param statistic compared statistic
     * @param warning   {@code metric=limit} warning thresholds
     * @param critical  {@code metric=limit} critical thresholds
     * @param against   reference method of a paired comparison (method level only)
     * @param maxRatio  expected ratio of a paired comparison, or {@link #UNSET_RATIO}
     */
    public record Declared(String mode, String[] metrics, String statistic, String[] warning, String[] critical,
                           String against, double maxRatio) {

        /** A declaration without an expected ratio. */
        public Declared(String mode, String[] metrics, String statistic, String[] warning, String[] critical,
                        String against) {
            this(mode, metrics, statistic, warning, critical, against, UNSET_RATIO);
        }
    }

    /** Method-then-class lookup of annotation attributes that may be unset. */
    private record Source(Optional<Declared> method, Optional<Declared> type, String testName) {

        Optional<String> attribute(Function<Declared, String> get, String name) {
            Optional<String> fromMethod = method.map(get).filter(s -> !s.isBlank());
            return fromMethod.isPresent() ? fromMethod : type.map(get).filter(s -> !s.isBlank());
        }

        Optional<String[]> array(Function<Declared, String[]> get) {
            Optional<String[]> fromMethod = method.map(get).filter(a -> a.length > 0);
            return fromMethod.isPresent() ? fromMethod : type.map(get).filter(a -> a.length > 0);
        }

        String where(String attribute) {
            return "@Baseline on [" + testName + "] attribute '" + attribute + "'";
        }
    }
}
