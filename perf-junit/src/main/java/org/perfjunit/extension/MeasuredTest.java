package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor.Invocation;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.perfjunit.PerfContext;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.engine.LoadMetrics;
import org.perfjunit.engine.BodyOperation;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.engine.RunPlan;
import org.perfjunit.machine.EnergyMeter;
import org.perfjunit.machine.EnergyMeters;
import org.perfjunit.machine.MeterSelection;
import org.perfjunit.model.Check;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.TestResult;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.settings.PerfSettings;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * One performance test, in one pass: settings (resolved once, {@link PerfSettings}) → measure
 * ({@link MeasurementRun}, here or in forked JVMs) → judge limits (inside the run, {@code verdict}) → gate
 * against the baseline ({@link BaselineStep}) → publish ({@link ResultPublisher}) → fail, abort or pass.
 * Kept in the test's store, so a {@link PerfContext} parameter and the method interceptor share it.
 */
public final class MeasuredTest {

    private static final Namespace NAMESPACE = Namespace.create(MeasuredTest.class);
    private static final String LOCK_KEY = "measurement-lock";

    private final ExtensionContext context;
    private final PerfSettings settings;
    private final MeasurementRun run;
    // the test method's arguments, for the base revision's method in revision A/B
    private List<Object> arguments = List.of();
    private final RunPlan.Identity identity;
    private boolean published;
    // what the reports were given, and the baseline write that waits until the test as a whole passed
    private TestResult publishedResult;
    private Runnable pendingBaselineWrite;
    // the test ended with the noise gate's own abort or failure, which the published result already says
    private boolean raisedVerdict;

    private MeasuredTest(ExtensionContext context, PerfSettings settings, MeasurementRun run, RunPlan.Identity identity) {
        this.context = context;
        this.settings = settings;
        this.run = run;
        this.identity = identity;
    }

    /**
     * The test {@code context} runs, created on first use.
     *
     * @param samplers where samplers come from; tests inject a fake clock here
     */
    public static MeasuredTest of(ExtensionContext context, MeasurementRun.SamplerFactory samplers) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(MeasuredTest.class, k -> create(context, samplers),
                MeasuredTest.class);
    }

    private static MeasuredTest create(ExtensionContext context, MeasurementRun.SamplerFactory samplers) {
        PerfSettings settings = PerfSettings.resolve(context);
        Method method = context.getRequiredTestMethod();
        ReentrantLock lock = measurementLock(context);
        RunPlan.Identity identity = new RunPlan.Identity(TestIdentity.of(context), context.getRequiredTestClass().getName(),
                method.getName(), context.getDisplayName(), context.getTags().stream().sorted().toList());
        EnergyMeter meter = settings.wantsEnergy() ? energyMeters(context).meter().orElse(null) : null;
        return new MeasuredTest(context, settings, new MeasurementRun(settings.plan(identity), lock, meter, samplers),
                identity);
    }

    /** The run-wide lock under which one measurement, or one collection before a test's set-up, runs at a time. */
    static ReentrantLock measurementLock(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LOCK_KEY, k -> new ReentrantLock(true), ReentrantLock.class);
    }

    /**
     * Runs the test method (or parameterized invocation, {@code template}) {@code context} runs: measured, judged,
     * gated and published; or once, unmeasured, when the run-wide switch is {@code disabled}.
     */
    public static void intercept(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                 ExtensionContext context, MeasurementRun.SamplerFactory samplers, boolean template)
            throws Throwable {
        if (!PerfSettings.measured(context)) {
            invocation.proceed();
            return;
        }
        // a bad @ExpectComplexity fails before measuring
        String fittedMetric = template ? ScalingRecorder.fittedMetric(invocationContext.getExecutable()) : null;
        MeasuredTest test;
        if (PerfSettings.mode(context) == PerfSettings.Mode.DISABLED) {
            invocation.proceed();
            // a PerfContext parameter still measures; nothing is judged or published
            test = context.getStore(NAMESPACE).get(MeasuredTest.class, MeasuredTest.class);
        } else {
            test = of(context, samplers);
            test.run(invocation, invocationContext);
        }
        if (template && test != null) {
            test.recordScaling(invocationContext, fittedMetric);
        }
    }

    /** Whether the test {@code context} runs is measured, see {@link PerfSettings#measured}. */
    public static boolean measured(ExtensionContext context) {
        return PerfSettings.measured(context);
    }

    /**
     * Ends the test {@code context} ran, after its {@code @AfterEach} methods: writes the baseline its verdict
     * called for only if nothing failed the test (a teardown that throws fails a test whose measurement
     * passed, and a failed test never writes a baseline); otherwise republishes a result reported as
     * passing with the failure, so no report lists a failed test as passed.
     */
    public static void afterEach(ExtensionContext context) throws IOException {
        MeasuredTest test = context.getStore(NAMESPACE).get(MeasuredTest.class, MeasuredTest.class);
        if (test != null) {
            test.complete(context.getExecutionException());
        }
    }

    private void complete(Optional<Throwable> thrown) throws IOException {
        Runnable write = pendingBaselineWrite;
        pendingBaselineWrite = null;
        if (thrown.isEmpty()) {
            if (write != null) {
                write.run();
            }
            return;
        }
        if (publishedResult != null && !raisedVerdict && !List.of(Outcome.FAILED, Outcome.ERROR, Outcome.SKIPPED)
                .contains(publishedResult.outcome())) {
            publishedResult = ThrownResult.of(identity, publishedResult, thrown.get());
            ResultPublisher.publish(context, settings.reportDir(), publishedResult);
        }
    }

    /** The {@link PerfContext} parameter of this test. */
    public PerfContext perfContext() {
        return new DefaultPerfContext(run);
    }

    /** Measures, judges, gates and publishes the test whose invocation JUnit hands over. */
    private void run(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext) throws Throwable {
        try {
            abortWithoutEnergyMeter(invocation, invocationContext);
            measureAndFinish(invocation, invocationContext);
        } catch (Throwable t) {
            if (!published && !settings.fork().isChild()) {
                // a test that threw (a plain assertion, an error, an abort) still appears in every report, never as passed
                publishedResult = ThrownResult.of(identity, run.record(), t);
                ResultPublisher.publish(context, settings.reportDir(), publishedResult);
            }
            throw t;
        }
    }

    /**
     * An energy limit with no meter on this machine is decided before measuring: only a test taking a
     * {@link PerfContext} can report energy itself, so any other is skipped at once with the reason.
     */
    private void abortWithoutEnergyMeter(Invocation<Void> invocation,
                                         ReflectiveInvocationContext<Method> invocationContext) {
        if (settings.wantsEnergy() && energyMeters(context).meter().isEmpty() && !takesPerfContext(invocationContext)) {
            invocation.skip();
            throw new TestAbortedException(energyMeters(context).skipReason());
        }
    }

    private static boolean takesPerfContext(ReflectiveInvocationContext<Method> invocationContext) {
        return List.of(invocationContext.getExecutable().getParameterTypes()).contains(PerfContext.class);
    }

    private void measureAndFinish(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext)
            throws Throwable {
        if (settings.fork().forks() > 0) {
            invocation.skip();
            TestResult child = run.exclusively(() -> ForkedMeasurement.run(context, settings.fork()));
            run.adopt(child);
        } else {
            measureHere(invocation, invocationContext);
            if (settings.fork().isChild()) {
                // a forked JVM hands its result to the parent, which judges it
                ResultFiles.writeTo(settings.fork().childResultFile(), run.record());
                return;
            }
        }
        finish();
    }

    private void measureHere(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext)
            throws Throwable {
        arguments = invocationContext.getArguments();
        if (takesPerfContext(invocationContext)) {
            invocation.proceed();
            if (run.record() == null) {
                throw new ExtensionConfigurationException("Configuration error: [" + context.getRequiredTestMethod().getName()
                        + "()] takes a PerfContext but never called perf.measure(...); measure the operation, "
                        + "or drop the parameter to measure the whole test body.");
            }
        } else {
            Method method = invocationContext.getExecutable();
            Object target = invocationContext.getTarget().orElse(null);
            Object[] args = invocationContext.getArguments().toArray();
            method.setAccessible(true);
            try {
                run.measure(BodyOperation.of(method, target, args)); // inlinable, not Method.invoke
            } finally {
                invocation.skip();
            }
        }
        run.assemble();
    }

    /**
     * {@code perf.noise = stable: CV 1.2% (limit 25%), ...}, the gate's figures (also for tests that passed), and
     * for a paced load {@code perf.load = latency p50 ..., p99 ... (from intended start); ... achieved of ... target}.
     */
    private void publishNoiseAndLoad() {
        if (run.noise() != null) {
            context.publishReportEntry("perf.noise", run.noise().describe());
        }
        if (run.record() != null) {
            LoadMetrics.describe(run.record().metrics()).ifPresent(load -> context.publishReportEntry("perf.load", load));
        }
    }


    /**
     * Gates, publishes and ends the test. One result flows through: when the gate re-measures, its
     * {@link GateResult#result()} is the measurement judged, printed and written everywhere.
     */
    private void finish() throws Throwable {
        TestResult result = run.record();
        if (settings.wantsEnergy() && result.metric(MetricNames.ENERGY) == null) {
            throw new TestAbortedException(energyMeters(context).skipReason());
        }
        if (settings.baseline().isPresent()) {
            GateResult gate = BaselineStep.evaluate(context, run, settings.baseline().get(), arguments,
                    settings.fork(), write -> pendingBaselineWrite = write);
            result = withBaseline(gate.result(), gate);
        }
        // the noise gate's INCONCLUSIVE (of the judged measurement) triggers the configured reaction; a baseline's does not
        boolean noisy = run.record().outcome() == Outcome.INCONCLUSIVE;
        publishNoiseAndLoad();
        boolean reportOnly = settings.mode() == PerfSettings.Mode.REPORT_ONLY;
        if (reportOnly && result.outcome() == Outcome.FAILED) {
            result = result.withOutcome(Outcome.REPORTED, result.message());
        }
        ResultPublisher.publish(context, settings.reportDir(), result);
        published = true;
        publishedResult = result;
        if (!reportOnly && result.outcome() == Outcome.FAILED) {
            throw failure(result);
        }
        if (!reportOnly && noisy && result.outcome() == Outcome.INCONCLUSIVE) {
            raisedVerdict = true;
            NoiseReaction.raise(result, settings.noise().action());
        }
    }

    /** Folds the baseline verdict into the result: a failing gate fails, an undecided one is INCONCLUSIVE. */
    private static TestResult withBaseline(TestResult r, GateResult gate) {
        boolean limitFailed = r.outcome() == Outcome.FAILED;
        String message = r.message();
        Outcome outcome = r.outcome();
        if (gate.failed()) {
            outcome = Outcome.FAILED;
            message = message == null ? gate.failureMessage() : message + "; " + gate.failureMessage();
        } else if (!limitFailed && gate.comparisons().stream().anyMatch(c -> c.level() == Level.INCONCLUSIVE)) {
            outcome = Outcome.INCONCLUSIVE;
            message = gate.comparisons().stream().filter(c -> c.level() == Level.INCONCLUSIVE)
                    .map(Comparison::message).collect(Collectors.joining("; "));
        }
        return r.withComparisons(gate.comparisons()).withOutcome(outcome, message);
    }

    private static AssertionFailedError failure(TestResult result) {
        List<Check> failed = result.checks().stream().filter(c -> !c.passed()).toList();
        if (failed.size() == 1 && result.message().equals(failed.get(0).message())) {
            Check c = failed.get(0);
            return new AssertionFailedError(c.message(), UnitFormat.format(c.limit(), c.unit()),
                    UnitFormat.format(c.actual(), c.unit()));
        }
        return new AssertionFailedError(result.message());
    }

    /** Records this parameterized invocation's size and times for the template's complexity fit. */
    private void recordScaling(ReflectiveInvocationContext<Method> invocationContext, String fittedMetric) {
        TestResult record = run.record();
        if (record == null) {
            return;
        }
        Method method = invocationContext.getExecutable();
        long size = ScalingRecorder.sizeArgument(method, invocationContext.getArguments()).orElse(0);
        Metric fitted = record.metric(fittedMetric);
        double time = record.metric(MetricNames.TIME).value();
        ScalingRecorder.forTemplate(context).record(size, time, record.run().threads(),
                fitted == null ? time : fitted.value());
    }

    /** The run's energy meter choice, probed once per run. */
    private static MeterSelection energyMeters(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("energy-meters",
                k -> EnergyMeters.load().select(), MeterSelection.class);
    }
}
