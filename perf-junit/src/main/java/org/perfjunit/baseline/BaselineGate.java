package org.perfjunit.baseline;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Environment;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The baseline step after a test was measured: looks up the stored entry, compares every
 * configured metric, re-measures once when a verdict is INCONCLUSIVE, applies the
 * {@link BaselineMode} (record, fail, update) and writes the store. Knows nothing of JUnit; the
 * extension calls {@link #evaluate} and fails the test with {@link GateResult#failureMessage()}.
 *
 * <pre>{@code
 * BaselineGate gate = new BaselineGate(new BaselineStore(dir), EnvironmentDetector.detect(), calibrationNanos);
 * GateResult verdict = gate.evaluate(result, settings, () -> measureAgain());
 * if (verdict.failed()) throw new AssertionFailedError(verdict.failureMessage());
 * }</pre>
 *
 * Thread-safe: the store serializes writes.
 */
public final class BaselineGate {

    private final BaselineStore store;
    private final Environment environment;
    private final String environmentKey;
    private final Double calibrationNanos;
    private final BaselineComparator comparator;

    /**
     * A gate writing to {@code store} for {@code environment}.
     *
     * @param calibrationNanos this run's {@link CalibrationWorkload} time, or null if not measured
     */
    public BaselineGate(BaselineStore store, Environment environment, Double calibrationNanos) {
        this(store, environment, calibrationNanos, new BaselineComparator());
    }

    /** A gate with its own comparator (tests use fewer resamples). */
    public BaselineGate(BaselineStore store, Environment environment, Double calibrationNanos,
                        BaselineComparator comparator) {
        this.store = store;
        this.environment = environment;
        this.environmentKey = EnvironmentKey.of(environment);
        this.calibrationNanos = calibrationNanos;
        this.comparator = comparator;
    }

    /**
     * Judges {@code measured} against its baseline.
     *
     * @param remeasure measures the test once more when a verdict is INCONCLUSIVE; may be null
     * @throws BaselineFileException when the stored file is unusable (it is left untouched)
     */
    public GateResult evaluate(TestResult measured, BaselineSettings settings, Supplier<TestResult> remeasure) {
        if (settings.mode() == BaselineMode.OFF) {
            return new GateResult(measured, List.of(), false, null, false);
        }
        Optional<BaselineEntry> stored = store.find(environmentKey, measured.className(), measured.id());
        TestResult result = measured;
        List<Comparison> comparisons = compareAll(stored.orElse(null), result, settings);
        boolean remeasured = false;
        if (remeasure != null && has(comparisons, Level.INCONCLUSIVE)) {
            result = remeasure.get();
            comparisons = compareAll(stored.orElse(null), result, settings);
            remeasured = true;
        }
        write(stored.orElse(null), result, comparisons, settings);
        String failure = failure(stored.isPresent(), result, comparisons, settings);
        return new GateResult(result, comparisons, failure != null, failure, remeasured);
    }

    /**
     * Judges a paired A/B measurement ({@code @Baseline(against = ...)}): {@code candidate[i]} and
     * {@code reference[i]} are per-operation times of this test and of the reference from the same
     * round. The store is not touched; a CRITICAL verdict fails.
     */
    public GateResult evaluatePaired(TestResult measured, String metric, double[] reference, double[] candidate,
                                     BaselineSettings settings, String referenceName) {
        Metric current = measured.metric(metric);
        Comparison c = comparator.comparePaired(metric, current == null ? "ns" : current.unit(),
                current == null ? Direction.LOWER_IS_BETTER : current.direction(), reference, candidate,
                settings, 1);
        boolean failed = c.level() == Level.CRITICAL || (settings.failOnInconclusive() && c.level() == Level.INCONCLUSIVE);
        String message = failed ? c.message().replace("baseline [", "[" + referenceName + "] [") : null;
        return new GateResult(measured, List.of(c), failed, message, false);
    }

    private List<Comparison> compareAll(BaselineEntry entry, TestResult result, BaselineSettings settings) {
        List<String> names = settings.comparedMetrics().stream().filter(n -> result.metric(n) != null).toList();
        Double factor = entry != null && entry.calibrationNanos() != null && calibrationNanos != null
                ? calibrationNanos / entry.calibrationNanos() : null;
        List<Comparison> out = new ArrayList<>();
        for (String name : names) {
            Metric current = result.metric(name);
            Metric base = entry == null ? null : entry.metric(name);
            out.add(base == null ? BaselineComparator.recordedAsNew(current, settings.statistic())
                    : comparator.compare(base, current, settings, names.size(), factor));
        }
        return out;
    }

    private void write(BaselineEntry stored, TestResult result, List<Comparison> comparisons,
                       BaselineSettings settings) {
        BaselineEntry fresh = BaselineEntry.of(result, environment, calibrationNanos, settings.maxSamples());
        switch (settings.mode()) {
            case UPDATE -> store.put(environmentKey, result.className(), fresh);
            case COMPARE, UPDATE_IF_IMPROVED -> {
                List<Metric> accepted = comparisons.stream()
                        .filter(c -> c.level() == Level.NEW
                                || (settings.mode() == BaselineMode.UPDATE_IF_IMPROVED && c.level() == Level.IMPROVEMENT))
                        .map(c -> fresh.metric(c.metric())).toList();
                if (stored == null || !accepted.isEmpty()) {
                    store.update(environmentKey, result.className(), file -> merge(file, fresh, accepted));
                }
            }
            default -> {
                // STRICT never writes
            }
        }
    }

    /** Adds {@code accepted} metrics to the latest stored entry (another fork may have written meanwhile). */
    private static BaselineFile merge(BaselineFile file, BaselineEntry fresh, List<Metric> accepted) {
        BaselineEntry latest = file.entries().get(fresh.id());
        if (latest == null) {
            return file.with(fresh);
        }
        BaselineEntry merged = latest;
        for (Metric m : accepted) {
            merged = merged.withMetric(m);
        }
        return file.with(merged);
    }

    private String failure(boolean hadBaseline, TestResult result, List<Comparison> comparisons,
                           BaselineSettings settings) {
        BaselineMode mode = settings.mode();
        if (mode == BaselineMode.UPDATE) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (mode == BaselineMode.STRICT && (!hadBaseline || has(comparisons, Level.NEW))) {
            problems.add("no baseline for [" + result.id() + "] in [" + store.fileFor(environmentKey, result.className())
                    + "] (mode strict: every compared metric needs one)");
        }
        if (settings.metricsRequired()) {
            settings.metrics().stream().filter(name -> result.metric(name) == null)
                    .forEach(name -> problems.add("metric [" + name + "] is configured for baseline comparison but the "
                            + "test did not report it (reported: " + result.metrics().keySet() + ")"));
        }
        comparisons.stream().filter(c -> c.level() == Level.CRITICAL
                        || (settings.failOnInconclusive() && c.level() == Level.INCONCLUSIVE))
                .forEach(c -> problems.add(c.message()));
        if (problems.isEmpty()) {
            return null;
        }
        return problems.stream().collect(Collectors.joining("; ")) + ". " + acceptHint(result, mode);
    }

    private static String acceptHint(TestResult result, BaselineMode mode) {
        String className = result.className();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String test = result.methodName() == null ? simple : simple + "#" + result.methodName();
        return (mode == BaselineMode.STRICT ? "Record or accept it" : "If intended, accept it")
                + ": mvn test -Dperf.junit.baseline.mode=update -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false"; // the flag lets it run from a multi-module root
    }

    private static boolean has(List<Comparison> comparisons, Level level) {
        return comparisons.stream().anyMatch(c -> c.level() == level);
    }
}
