package org.perfjunit.extension;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.perfjunit.PerfContext;
import org.perfjunit.PerfResult;
import org.perfjunit.baseline.BaselineGate;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.engine.BodyOperation;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.engine.Operation;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.TestResult;
import org.perfjunit.revision.BaseRevision;
import org.perfjunit.revision.Revision;
import org.perfjunit.revision.RevisionException;
import org.perfjunit.revision.RevisionRequest;
import org.perfjunit.settings.RevisionConfiguration;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.function.Supplier;

/**
 * The gate step in revision A/B mode ({@value RevisionConfiguration#REVISION_PROPERTY_NAME}): this very test
 * as the base revision has it (the reference) is paired with the test as the working tree has it (the
 * candidate), each from a fresh copy of its classes ({@link BaseRevision#freshCopies}), so the JIT compiles
 * both sides at the same time rather than the candidate long before (the test's own measurement) and the base
 * after it. A whole-body test's operation invokes the test method on an instance of its copy; a region test's
 * is the operation the method passes to {@link PerfContext#measure}. The two are warmed up together, measured
 * in alternating rounds, paired per round, and judged by the paired ratio of time per operation (thread CPU
 * time when the test compares {@code cpu_time} rather than {@code time}), with
 * {@link BaselineSettings#REVISION_DEFAULT} where no threshold is configured; no baseline file is read or
 * written.
 */
public final class RevisionStep {

    /** Namespace of the run's base revision (root store) and of the test seam {@link #REQUEST_SEAM_KEY}. */
    public static final Namespace NAMESPACE = Namespace.create(RevisionStep.class);
    /** Fresh-copy pairings made after a failing first pairing, judged together with it. */
    static final int MORE_PAIRINGS = 3;
    /** Report entry key of the revision verdict. */
    static final String REPORT_ENTRY_KEY = "perf.baseline.revision";
    /** Store key (this namespace, any ancestor context) of a {@link Requests}; a test seam. */
    public static final String REQUEST_SEAM_KEY = "revision-request-seam";

    /** How the base revision is requested: from this JVM (the default), or a test's fixture repository. */
    @FunctionalInterface
    public interface Requests {
        /** The request for {@code ref}, whose classes get {@code parent} (the current test class loader). */
        RevisionRequest request(String ref, ClassLoader parent);
    }

    private RevisionStep() {
    }

    /**
     * Measures the current operation against the base's and judges the pair.
     *
     * @param arguments the current test method's arguments (a {@link PerfContext} among them for region tests)
     * @param gate      the gate whose paired verdict applies the thresholds
     */
    static GateResult evaluate(ExtensionContext context, MeasurementRun run, BaselineSettings settings, String ref,
                               List<Object> arguments, Supplier<BaselineGate> gate) throws Throwable {
        BaseRevision base = base(context, ref);
        Method current = context.getRequiredTestMethod();
        Optional<Class<?>> baseType = base.loadFromBase(context.getRequiredTestClass().getName());
        Optional<Method> baseMethod = baseType.flatMap(t -> BaseTestClass.sameMethod(t, current));
        if (baseMethod.isEmpty()) {
            return published(context, newAtBase(run.record(), base.revision(), current, baseType.isPresent()));
        }
        BaselineGate judge = gate.get();
        BaselineSettings paired = settings.forRevision();
        Function<double[][], GateResult> verdict = pairs -> {
            boolean cpu = pairsCpuTime(paired, pairs);
            return judge.evaluatePaired(run.record(), cpu ? MetricNames.CPU_TIME : MetricNames.TIME,
                    pairs[cpu ? 3 : 1], pairs[cpu ? 2 : 0], paired, base.revision().toString());
        };
        Optional<GateResult> onCopies = onFreshCopies(context, base, current, arguments, run, verdict, true);
        GateResult judged = onCopies.isPresent() ? onCopies.get()
                : onSharedBase(context, baseType.get(), baseMethod.get(), arguments, run, verdict);
        if (judged.failed()) {
            String metric = judged.comparisons().get(0).metric();
            Function<List<Comparison>, GateResult> together = pairings -> judge.evaluateAcrossPairings(run.record(),
                    metric, pairings, paired, base.revision().toString());
            judged = onMoreCopies(context, base, current, arguments, run, verdict, together, judged);
        }
        return published(context, relabel(judged, base.revision()));
    }

    /**
     * Pairs the measured operation with the base's, loaded once per run: the way when the test class is not
     * among the working tree's own classes, so no fresh copy of it can be made.
     */
    private static GateResult onSharedBase(ExtensionContext context, Class<?> baseType, Method baseMethod,
                                           List<Object> arguments, MeasurementRun run,
                                           Function<double[][], GateResult> verdict) throws Throwable {
        BaseTestClass baseClass = baseClass(context, baseType);
        Object instance = baseClass.instance();
        baseClass.beforeEach(instance);
        try {
            Operation reference = reference(baseMethod, instance, arguments, run);
            return verdict.apply(run.measurePaired(reference, pairs -> settled(verdict.apply(pairs))));
        } finally {
            baseClass.afterEach(instance);
        }
    }

    /**
     * Before a paired verdict fails, pairs {@value #MORE_PAIRINGS} more sets of fresh copies (opened
     * working tree first, working tree first, base first, so each side is opened first, its {@code @BeforeAll}
     * data allocated first, in two of the four) and judges the four pairings together
     * ({@link BaselineGate#evaluateAcrossPairings}): the JIT compiles each copy of a class on its own, and in
     * one JVM two copies of the same code have run 10-25% apart (the examples' sieve and spiking inference),
     * often enough that a pairing and one confirmation agreed on a difference that was not in the code. A real
     * change shows in every copy and the verdict stands; copies that disagree widen the interval to
     * INCONCLUSIVE. Improvements are not re-paired: doing so for those beyond 3% turned a 10-pair -8.6% of a
     * two-thread GEMM into a failing +7.4% on the second pairing, a new chance of a false alarm rather than a
     * confirmation. When the copies cannot be made (the test class is not among the working tree's own
     * classes), the first verdict stands.
     */
    private static GateResult onMoreCopies(ExtensionContext context, BaseRevision base, Method current,
                                           List<Object> arguments, MeasurementRun run,
                                           Function<double[][], GateResult> verdict,
                                           Function<List<Comparison>, GateResult> together, GateResult first)
            throws Throwable {
        List<Comparison> pairings = new ArrayList<>(List.of(first.comparisons().get(0)));
        for (int i = 0; i < MORE_PAIRINGS; i++) {
            Optional<GateResult> again = onFreshCopies(context, base, current, arguments, run, verdict,
                    i == MORE_PAIRINGS - 1);
            if (again.isEmpty()) {
                return first;
            }
            pairings.add(again.get().comparisons().get(0));
        }
        return together.apply(pairings);
    }

    /**
     * Pairs fresh copies of both sides: new class loaders over the base's classes and the working tree's own
     * ({@link BaseRevision#freshCopies}), the test class opened in each, and the two operations warmed up and
     * measured together, so the JIT compiles both from the same state. {@code baseFirst}: whose test class is
     * opened (its {@code @BeforeAll} run) and whose operation captured first. Empty when the copies cannot be
     * made (the test class is not among the working tree's own classes).
     */
    private static Optional<GateResult> onFreshCopies(ExtensionContext context, BaseRevision base, Method current,
                                                      List<Object> arguments, MeasurementRun run,
                                                      Function<double[][], GateResult> verdict, boolean baseFirst)
            throws Throwable {
        String name = context.getRequiredTestClass().getName();
        boolean perClass = perClass(context);
        try (BaseRevision.Copies copies = base.freshCopies()) {
            Optional<Class<?>> baseType = copies.base().loadFromBase(name);
            Optional<Class<?>> currentType = copies.current().loadFromBase(name);
            Optional<Method> baseMethod = baseType.flatMap(t -> BaseTestClass.sameMethod(t, current));
            Optional<Method> currentMethod = currentType.flatMap(t -> BaseTestClass.sameMethod(t, current));
            if (baseMethod.isEmpty() || currentMethod.isEmpty()) {
                return Optional.empty();
            }
            Side baseSide = new Side(baseType.get(), baseMethod.get());
            Side currentSide = new Side(currentType.get(), currentMethod.get());
            Side first = baseFirst ? baseSide : currentSide;
            Side second = baseFirst ? currentSide : baseSide;
            try (BaseTestClass firstClass = BaseTestClass.open(first.type(), perClass);
                 BaseTestClass secondClass = BaseTestClass.open(second.type(), perClass)) {
                Object firstInstance = firstClass.instance();
                Object secondInstance = secondClass.instance();
                firstClass.beforeEach(firstInstance);
                secondClass.beforeEach(secondInstance);
                try {
                    Operation firstOperation = reference(first.method(), firstInstance, arguments, run);
                    Operation secondOperation = reference(second.method(), secondInstance, arguments, run);
                    Operation reference = baseFirst ? firstOperation : secondOperation;
                    Operation candidate = baseFirst ? secondOperation : firstOperation;
                    return Optional.of(verdict.apply(run.measurePaired(candidate, reference,
                            pairs -> settled(verdict.apply(pairs)))));
                } finally {
                    secondClass.afterEach(secondInstance);
                    firstClass.afterEach(firstInstance);
                }
            }
        }
    }

    /** One side's copy of the test class and of the test method in it. */
    private record Side(Class<?> type, Method method) {
    }

    /**
     * Whether paired sampling may stop on this verdict: decided, and not an improvement beyond the critical
     * threshold. The same test at two revisions that runs much faster now is more often a base still running
     * less optimized code (its JIT compilation pending on a loaded machine) than a real speed-up; sampling on
     * lets that compilation land, and the sampler then drops the pairs from before it.
     */
    static boolean settled(GateResult verdict) {
        return verdict.decided() && verdict.comparisons().stream().noneMatch(c -> c.level() == Level.IMPROVEMENT
                && c.ratioCiHigh() != null && c.ratioCiHigh() < 1 - BaselineSettings.REVISION_DEFAULT.critical());
    }

    /**
     * Whether the pair is judged on thread CPU time: when the test compares {@code cpu_time} and not {@code time}
     * (CPU time ignores time spent descheduled, the noise of a shared runner), and the JVM measures it.
     */
    private static boolean pairsCpuTime(BaselineSettings settings, double[][] paired) {
        List<String> metrics = settings.comparedMetrics();
        return metrics.contains(MetricNames.CPU_TIME) && !metrics.contains(MetricNames.TIME)
                && Arrays.stream(paired[2]).allMatch(v -> v >= 0) && Arrays.stream(paired[3]).allMatch(v -> v >= 0);
    }

    /** The base revision of this run, prepared once (a failure too, so every test reports it without retrying). */
    private static BaseRevision base(ExtensionContext context, String ref) {
        Prepared prepared = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("base:" + ref,
                k -> Prepared.of(context, ref), Prepared.class);
        if (prepared.failure() != null) {
            throw new ExtensionConfigurationException("Revision A/B [" + RevisionConfiguration.REVISION_PROPERTY_NAME
                    + "=" + ref + "]: " + prepared.failure().getMessage(), prepared.failure());
        }
        return prepared.base();
    }

    /** A prepared base, or why there is none; closing it closes the base class loader. */
    private record Prepared(BaseRevision base, RevisionException failure) implements AutoCloseable {

        static Prepared of(ExtensionContext context, String ref) {
            Requests requests = context.getStore(NAMESPACE).getOrDefault(REQUEST_SEAM_KEY, Requests.class,
                    (r, parent) -> RevisionRequest.of(r, Path.of(""), parent));
            try {
                return new Prepared(BaseRevision.open(requests.request(ref,
                        context.getRequiredTestClass().getClassLoader())), null);
            } catch (RevisionException e) {
                return new Prepared(null, e);
            }
        }

        @Override
        public void close() throws IOException {
            if (base != null) {
                base.close();
            }
        }
    }

    /**
     * The base test class of the test's class context, opened ({@code @BeforeAll}) once and closed with that context
     * (above a parameterized test's template and invocations).
     */
    private static BaseTestClass baseClass(ExtensionContext context, Class<?> baseType) throws Throwable {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        ExtensionContext.Store store = classContext.getStore(NAMESPACE);
        BaseTestClass opened = store.get(baseType, BaseTestClass.class);
        if (opened == null) {
            opened = BaseTestClass.open(baseType, perClass(context));
            store.put(baseType, opened);
        }
        return opened;
    }

    /** Whether the test class runs one instance for all its tests ({@code PER_CLASS}), as its copies must. */
    private static boolean perClass(ExtensionContext context) {
        return context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_CLASS;
    }

    /** The base operation: the whole base method, or the operation it hands to {@code measure}. */
    private static Operation reference(Method baseMethod, Object instance, List<Object> arguments, MeasurementRun run)
            throws Throwable {
        CapturingPerfContext capturing = new CapturingPerfContext(() -> new PerfResult(run.record()));
        Object[] baseArguments = BaseArguments.map(baseMethod, arguments, capturing);
        if (!List.of(baseMethod.getParameterTypes()).contains(PerfContext.class)) {
            // the same inlinable call path as the current whole body, so neither side pays reflection alone
            baseMethod.setAccessible(true);
            return BodyOperation.of(baseMethod, instance, baseArguments);
        }
        try {
            invoke(baseMethod, instance, baseArguments);
        } catch (Throwable t) {
            if (capturing.captured() == null) {
                throw t;
            }
            // CapturingPerfContext.Captured, or what a catch-all in the test let run after measure(...) and threw:
            // the test's checks of its figures, which ran on its own measurement, not the copy's
        }
        if (capturing.captured() == null) {
            throw new ExtensionConfigurationException("Configuration error: at the base revision [" + baseMethod.getName()
                    + "()] takes a PerfContext but never called perf.measure(...), so it has no operation to compare.");
        }
        return capturing.captured();
    }

    private static Object invoke(Method method, Object instance, Object[] arguments) throws Throwable {
        try {
            return method.invoke(instance, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Publishes the verdict as report entry {@value #REPORT_ENTRY_KEY}, and prints it when the test passes on a
     * decided verdict (a failure's message and the test's "-> inconclusive: ..." line carry it already):
     * {@code [perf-junit] Class#test(): vs HEAD~1 (1a2b3c4): ...}.
     */
    private static GateResult published(ExtensionContext context, GateResult verdict) {
        String message = verdict.comparisons().get(0).message();
        context.publishReportEntry(REPORT_ENTRY_KEY, message);
        if (!verdict.failed() && verdict.decided()) {
            System.out.println("[perf-junit] " + verdict.result().id() + ": " + message);
        }
        return verdict;
    }

    /** A test the base does not have: it passes, and says so. */
    private static GateResult newAtBase(TestResult measured, Revision revision, Method method, boolean classAtBase) {
        Metric time = measured.metric(MetricNames.TIME);
        double value = time.summary() != null ? time.summary().median() : time.value();
        String where = classAtBase ? "its class has no such method there" : "its class does not exist there";
        Comparison c = new Comparison(MetricNames.TIME, "paired median", Level.NEW, null, value, null, null, null, null,
                null, "new test: [" + method.getName() + "()] is not at the base " + revision + " (" + where
                + "); nothing to compare");
        return new GateResult(measured, List.of(c), false, null, false, null);
    }

    /** Names the base in the verdict: {@code vs HEAD~1 (1a2b3c4): paired median time ... over base [...]}. */
    private static GateResult relabel(GateResult verdict, Revision revision) {
        return rewritten(verdict, m -> label(m, revision));
    }

    /** The verdict with every comparison's message passed through {@code message}, and the failure message with them. */
    private static GateResult rewritten(GateResult verdict, UnaryOperator<String> message) {
        List<Comparison> comparisons = verdict.comparisons().stream().map(c -> new Comparison(c.metric(), c.statistic(),
                c.level(), c.baselineValue(), c.currentValue(), c.ratio(), c.ratioCiLow(), c.ratioCiHigh(), c.pValue(),
                c.effectSize(), message.apply(c.message()))).toList();
        String failure = verdict.failed() ? comparisons.stream().filter(c -> c.level() == Level.CRITICAL
                || c.level() == Level.INCONCLUSIVE).map(Comparison::message).findFirst().orElse(verdict.failureMessage())
                : null;
        return new GateResult(verdict.result(), comparisons, verdict.failed(), failure, verdict.remeasured(), verdict.note());
    }

    static String label(String message, Revision revision) {
        return "vs " + revision + ": " + message.replace("baseline [", "base [");
    }
}
