package org.perfjunit.baseline;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Environment;
import org.perfjunit.model.EnvironmentKey;
import org.perfjunit.baseline.BaselineStore.StoredEntry;
import org.perfjunit.model.Level;
import org.perfjunit.model.MachineSignature;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The baseline step after a test was measured: looks up the stored entry, compares every
 * configured metric, re-measures once when a verdict is INCONCLUSIVE, applies the
 * {@link BaselineMode} (record, fail, update) and writes the store, unless the test failed: a result
 * whose own limits failed ({@link Outcome#FAILED}) or that this gate fails never writes or updates a
 * baseline, in any mode. Knows nothing of JUnit; the
 * extension calls {@link #evaluate} and fails the test with {@link GateResult#failureMessage()}.
 *
 * <p>Only an entry recorded on the same {@link MachineSignature} is judged. An entry from another
 * machine (another folder, or this folder but another CPU, JVM, GC or heap) is reported in
 * {@link GateResult#note()} with its ratio, never as a verdict, and is never overwritten except in
 * mode {@code update}.
 *
 * <pre>{@code
 * BaselineGate gate = new BaselineGate(new BaselineStore(dir), EnvironmentDetector.detect());
 * GateResult verdict = gate.evaluate(result, settings, () -> measureAgain());
 * if (verdict.failed()) throw new AssertionFailedError(verdict.failureMessage());
 * }</pre>
 *
 * Thread-safe: the store serializes writes.
 */
public final class BaselineGate {

    /** The metrics whose failing stored verdicts fresh JVMs confirm: a JVM's own speed moves them. */
    private static final List<String> TIMES = List.of(MetricNames.TIME, MetricNames.CPU_TIME);

    private final BaselineStore store;
    private final Environment environment;
    private final String environmentKey;
    private final BaselineComparator comparator;

    /** A gate writing to {@code store} for {@code environment}. */
    public BaselineGate(BaselineStore store, Environment environment) {
        this(store, environment, new BaselineComparator());
    }

    /** A gate with its own comparator (tests use fewer resamples). */
    public BaselineGate(BaselineStore store, Environment environment, BaselineComparator comparator) {
        this.store = store;
        this.environment = environment;
        this.environmentKey = EnvironmentKey.of(environment);
        this.comparator = comparator;
    }

    /**
     * Judges {@code measured} against its baseline.
     *
     * @param remeasure measures the test once more when a verdict is INCONCLUSIVE; may be null
     * @throws BaselineFileException when the stored file is unusable (it is left untouched)
     */
    public GateResult evaluate(TestResult measured, BaselineSettings settings, Supplier<TestResult> remeasure) {
        return evaluate(measured, settings, remeasure, Runnable::run);
    }

    /**
     * As {@link #evaluate(TestResult, BaselineSettings, Supplier)}, but the store write the verdict calls for
     * (none for a failed test) goes to {@code writes}, which runs it at once or drops it: a test runner whose
     * teardown can still fail the test writes only after it passed.
     */
    public GateResult evaluate(TestResult measured, BaselineSettings settings, Supplier<TestResult> remeasure,
                               Consumer<Runnable> writes) {
        return evaluate(measured, settings, remeasure, null, writes);
    }

    /**
     * Measures the test again, each time in a fresh JVM, before a stored-baseline verdict fails it: a JVM's speed is
     * partly its own, and the baseline was recorded in another one.
     */
    @FunctionalInterface
    public interface FreshJvms {
        /**
         * The test's results from {@code count} fresh JVMs, one after another.
         *
         * @param verdict the failing comparisons' messages, for telling the user why the test takes longer
         * @throws RuntimeException when a JVM could not measure the test; the verdict then stands unconfirmed
         */
        List<TestResult> measure(int count, String verdict);
    }

    /**
     * As {@link #evaluate(TestResult, BaselineSettings, Supplier, Consumer)}; a verdict that would fail on time or
     * CPU time against a stored baseline of this machine is first measured in {@link BaselineSettings#confirmJvms()}
     * fresh JVMs ({@link BaselineComparator#confirmInFreshJvms}): it still fails if even the fastest of them reads
     * the metric beyond the critical threshold, and is INCONCLUSIVE otherwise.
     *
     * @param freshJvms measures the test in fresh JVMs; null (or {@code confirmJvms} 0) fails at once
     */
    public GateResult evaluate(TestResult measured, BaselineSettings settings, Supplier<TestResult> remeasure,
                               FreshJvms freshJvms, Consumer<Runnable> writes) {
        if (settings.mode() == BaselineMode.OFF) {
            return new GateResult(measured, List.of(), false, null, false, null);
        }
        Optional<BaselineEntry> inFolder = store.find(environmentKey, measured.className(), measured.id());
        BaselineEntry stored = inFolder
                .filter(e -> MachineSignature.differences(e.environment(), environment).isEmpty()).orElse(null);
        StoredEntry foreign = stored != null ? null : inFolder.map(e -> new StoredEntry(environmentKey, e))
                .or(() -> store.findOnOtherMachines(environmentKey, measured.className(), measured.id()).stream()
                        .findFirst())
                .orElse(null);
        TestResult result = measured;
        List<Comparison> comparisons = compareAll(stored, foreign, result, settings);
        boolean remeasured = false;
        if (remeasure != null && has(comparisons, Level.INCONCLUSIVE)) {
            result = remeasure.get();
            comparisons = compareAll(stored, foreign, result, settings);
            remeasured = true;
        }
        String unconfirmed = null;
        if (stored != null && freshJvms != null && confirmable(comparisons, settings)) {
            try {
                comparisons = acrossJvms(stored, result, comparisons, settings,
                        freshJvms.measure(settings.confirmJvms(), failingMessages(comparisons, settings)));
            } catch (RuntimeException e) {
                String why = String.valueOf(e.getMessage()).strip().replaceFirst("\\.$", "");
                unconfirmed = "fresh JVMs could not confirm it: " + why;
            }
        }
        // an entry of another machine in this folder is kept unless the user asked to replace it
        boolean keepsForeignEntry = stored == null && inFolder.isPresent() && settings.mode() != BaselineMode.UPDATE;
        String failure = failure(stored != null, result, comparisons, settings, null, unconfirmed);
        // a test that failed (its own limit or this gate) never writes or updates a baseline, in any mode
        boolean failedTest = failure != null || result.outcome() == Outcome.FAILED;
        boolean writesStore = !keepsForeignEntry && !failedTest && settings.mode() != BaselineMode.STRICT;
        if (writesStore) {
            TestResult judged = result;
            List<Comparison> judgedComparisons = comparisons;
            writes.accept(() -> write(stored, judged, judgedComparisons, settings));
        }
        String note = foreign == null ? null : foreignNote(foreign, result, comparisons, settings, keepsForeignEntry,
                failedTest);
        if (failure != null && note != null) {
            failure = failure(stored != null, result, comparisons, settings, note, unconfirmed);
        }
        return new GateResult(result, comparisons, failure != null, failure, remeasured, note);
    }

    /** {@code baseline from another machine [key] (CPU family 23 vs 26): median now/then: time 0.67, not judged; ...} */
    private String foreignNote(StoredEntry foreign, TestResult result, List<Comparison> comparisons,
                               BaselineSettings settings, boolean kept, boolean failedTest) {
        List<String> ratios = comparisons.stream().filter(c -> c.level() == Level.OTHER_MACHINE && c.ratio() != null)
                .map(c -> c.metric() + " " + String.format(Locale.ROOT, "%.2f", c.ratio())).toList();
        String what = differences(foreign);
        String file = store.fileFor(environmentKey, result.className()).toString();
        return "baseline from another machine [" + foreign.environmentKey() + "] (" + what + "): "
                + (ratios.isEmpty() ? "no common metric"
                        : settings.statistic().label() + " now/then: " + String.join(", ", ratios))
                + ", not judged; " + (kept
                ? "it shares this machine's folder and was kept; to replace it with this machine's: "
                        + acceptCommand(result)
                : settings.mode() == BaselineMode.STRICT
                ? "record this machine's: " + acceptCommand(result)
                : failedTest ? "this machine's is not recorded because the test failed"
                : "this machine's baseline is recorded in [" + file + "]: commit it");
    }

    private String differences(StoredEntry foreign) {
        return String.join(", ", MachineSignature.differences(foreign.entry().environment(), environment));
    }

    /**
     * Judges a paired A/B measurement ({@code @Baseline(against = ...)}): {@code candidate[i]} and
     * {@code reference[i]} are per-operation times of this test and of the reference from the same
     * round. The store is not touched; a CRITICAL verdict fails.
     */
    public GateResult evaluatePaired(TestResult measured, String metric, double[] reference, double[] candidate,
                                     BaselineSettings settings, String referenceName) {
        return evaluatePaired(measured, metric, reference, candidate, settings, referenceName, Double.NaN);
    }

    /**
     * As {@link #evaluatePaired(TestResult, String, double[], double[], BaselineSettings, String)}, judged
     * against an expected ratio when {@code maxRatio} is a number: CRITICAL only when the whole interval of
     * candidate / reference lies above it, INCONCLUSIVE when it straddles it, STABLE otherwise.
     */
    public GateResult evaluatePaired(TestResult measured, String metric, double[] reference, double[] candidate,
                                     BaselineSettings settings, String referenceName, double maxRatio) {
        Metric current = measured.metric(metric);
        Comparison c = comparator.comparePaired(metric, current == null ? "ns" : current.unit(),
                current == null ? Direction.LOWER_IS_BETTER : current.direction(), reference, candidate,
                settings, 1);
        if (!Double.isNaN(maxRatio)) {
            c = ExpectedRatio.judge(c, maxRatio, settings.confidence(), measured.id(), referenceName, reference.length);
            boolean failed = c.level() == Level.CRITICAL
                    || (settings.failOnInconclusive() && c.level() == Level.INCONCLUSIVE);
            return new GateResult(measured, List.of(c), failed, failed ? c.message() : null, false, null);
        }
        return pairedVerdict(measured, c, settings, referenceName);
    }

    /** The verdict of one paired comparison: fails when CRITICAL (or INCONCLUSIVE with fail.on.inconclusive). */
    private static GateResult pairedVerdict(TestResult measured, Comparison c, BaselineSettings settings,
                                            String referenceName) {
        boolean failed = c.level() == Level.CRITICAL || (settings.failOnInconclusive() && c.level() == Level.INCONCLUSIVE);
        String message = failed ? c.message().replace("baseline [", "[" + referenceName + "] [") : null;
        return new GateResult(measured, List.of(c), failed, message, false, null);
    }

    /**
     * Judges several pairings of the same two sides, each on fresh copies of their classes, as one verdict
     * ({@link BaselineComparator#compareAcrossPairings}): what revision A/B stands on before it fails a test.
     *
     * @param pairings the first comparison of each pairing's {@link GateResult}, in the order made
     */
    public GateResult evaluateAcrossPairings(TestResult measured, String metric, List<Comparison> pairings,
                                             BaselineSettings settings, String referenceName) {
        Metric current = measured.metric(metric);
        Comparison c = comparator.compareAcrossPairings(metric, current == null ? "ns" : current.unit(),
                current == null ? Direction.LOWER_IS_BETTER : current.direction(), pairings, settings);
        return pairedVerdict(measured, c, settings, referenceName);
    }

    /**
     * Whether fresh JVMs could change this verdict: it fails (not in mode update, which never fails), and every
     * comparison that fails it is a CRITICAL of time or CPU time, from samples, with a relative threshold: a JVM's
     * speed is its own, its allocation is not (a failing allocation fails whatever other JVMs read), and an
     * INCONCLUSIVE failing under {@code fail.on.inconclusive} asked to fail when undecided.
     */
    private static boolean confirmable(List<Comparison> comparisons, BaselineSettings settings) {
        List<Comparison> failing = failing(comparisons, settings);
        return settings.confirmJvms() > 0 && settings.mode() != BaselineMode.UPDATE && !failing.isEmpty()
                && failing.stream().allMatch(c -> c.level() == Level.CRITICAL && TIMES.contains(c.metric())
                        && c.ratioCiLow() != null && !settings.thresholdFor(c.metric()).absolute());
    }

    private static List<Comparison> failing(List<Comparison> comparisons, BaselineSettings settings) {
        return comparisons.stream().filter(c -> c.level() == Level.CRITICAL
                || (settings.failOnInconclusive() && c.level() == Level.INCONCLUSIVE)).toList();
    }

    private static String failingMessages(List<Comparison> comparisons, BaselineSettings settings) {
        return failing(comparisons, settings).stream().map(Comparison::message).collect(Collectors.joining("; "));
    }

    /** The failing comparisons, confirmed or not by the same comparison in each of {@code others}; the rest as is. */
    private List<Comparison> acrossJvms(BaselineEntry stored, TestResult result, List<Comparison> comparisons,
                                        BaselineSettings settings, List<TestResult> others) {
        List<Comparison> failing = failing(comparisons, settings);
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            Metric base = stored.metric(c.metric());
            Metric current = result.metric(c.metric());
            List<Comparison> fresh = base == null || current == null || !failing.contains(c) ? List.of()
                    : others.stream().map(o -> o.metric(c.metric())).filter(m -> m != null)
                            .map(m -> comparator.compare(base, m, settings, comparisons.size())).toList();
            out.add(fresh.isEmpty() ? c
                    : BaselineComparator.confirmInFreshJvms(c, fresh, current.direction(), settings));
        }
        return out;
    }

    private List<Comparison> compareAll(BaselineEntry entry, StoredEntry foreign, TestResult result,
                                        BaselineSettings settings) {
        List<String> names = settings.comparedMetrics().stream().filter(n -> result.metric(n) != null).toList();
        List<Comparison> out = new ArrayList<>();
        for (String name : names) {
            Metric current = result.metric(name);
            Metric base = entry == null ? null : entry.metric(name);
            Metric other = foreign == null ? null : foreign.entry().metric(name);
            out.add(base != null ? comparator.compare(base, current, settings, names.size())
                    : other != null ? BaselineComparator.otherMachine(other, current, settings.statistic(),
                            differences(foreign))
                    : BaselineComparator.recordedAsNew(current, settings.statistic()));
        }
        return out;
    }

    private void write(BaselineEntry stored, TestResult result, List<Comparison> comparisons,
                       BaselineSettings settings) {
        BaselineEntry fresh = BaselineEntry.of(result, environment, settings.maxSamples());
        switch (settings.mode()) {
            case UPDATE -> store.put(environmentKey, result.className(), fresh);
            case COMPARE, UPDATE_IF_IMPROVED -> {
                List<Metric> accepted = comparisons.stream()
                        .filter(c -> c.level() == Level.NEW || c.level() == Level.OTHER_MACHINE
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

    /** @param unconfirmed why fresh JVMs could not confirm the verdict, or null */
    private String failure(boolean hadBaseline, TestResult result, List<Comparison> comparisons,
                           BaselineSettings settings, String note, String unconfirmed) {
        BaselineMode mode = settings.mode();
        if (mode == BaselineMode.UPDATE) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        if (mode == BaselineMode.STRICT && (!hadBaseline || has(comparisons, Level.NEW)
                || has(comparisons, Level.OTHER_MACHINE))) {
            problems.add("no baseline for [" + result.id() + "] in [" + store.fileFor(environmentKey, result.className())
                    + "] (mode strict: every compared metric needs one from this machine"
                    + (note == null ? "" : "; " + note) + ")");
        }
        if (settings.metricsRequired()) {
            settings.metrics().stream().filter(name -> result.metric(name) == null)
                    .forEach(name -> problems.add("metric [" + name + "] is configured for baseline comparison but the "
                            + "test did not report it (reported: " + result.metrics().keySet() + ")"));
        }
        failing(comparisons, settings).forEach(c -> problems.add(c.message()));
        if (problems.isEmpty()) {
            return null;
        }
        if (unconfirmed != null) {
            problems.add(unconfirmed);
        }
        return problems.stream().collect(Collectors.joining("; ")) + ". " + acceptHint(result, mode);
    }

    private static String acceptHint(TestResult result, BaselineMode mode) {
        return (mode == BaselineMode.STRICT ? "Record or accept it" : "If intended, accept it") + ": "
                + acceptCommand(result);
    }

    private static String acceptCommand(TestResult result) {
        String className = result.className();
        String simple = className.substring(className.lastIndexOf('.') + 1);
        String test = result.methodName() == null ? simple : simple + "#" + result.methodName();
        return "mvn test -Dperf.junit.baseline.mode=update -Dtest=" + test
                + " -Dsurefire.failIfNoSpecifiedTests=false"; // the flag lets it run from a multi-module root
    }

    private static boolean has(List<Comparison> comparisons, Level level) {
        return comparisons.stream().anyMatch(c -> c.level() == level);
    }
}
