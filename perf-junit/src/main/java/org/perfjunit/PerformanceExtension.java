package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.engine.Limit;
import org.perfjunit.result.Level;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.result.Check;
import org.perfjunit.result.Outcome;
import org.perfjunit.result.TestResult;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Adapts JUnit's lifecycle to the measurement engine. Registered by {@link Performance} and the
 * limit annotations. For a test without a {@link PerfContext} parameter it invokes the test method
 * repeatedly (warm-up and samples, after {@code @BeforeEach}) and skips JUnit's own single call;
 * with one, it lets the test run once and the test calls {@link PerfContext#measure}.
 *
 * <p>Performance tests in one JVM are serialized by a lock kept in the root store, so under JUnit
 * parallel execution they never measure each other's load ({@code @ResourceLock} cannot be used
 * as a meta-annotation, so the extension takes the lock itself). The sampling itself runs under a
 * {@link org.perfjunit.engine.MeasurementWatchdog} ({@link TimeoutConfiguration}), which stops a hung invocation.
 */
final class PerformanceExtension implements InvocationInterceptor, ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(PerformanceExtension.class);
    private static final String RUN_KEY = "run";
    private static final String LOCK_KEY = "measurement-lock";
    /** Store key (this namespace, any ancestor context) of a {@link MeasurementRun.SamplerFactory}; a test seam. */
    static final String SAMPLER_SEAM_KEY = "sampler-seam";

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PerfContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("PerfContext can only be injected into a test method, not into "
                    + parameterContext.getDeclaringExecutable().getName());
        }
        return new DefaultPerfContext(run(context));
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        measureTest(invocation, invocationContext, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        String fittedMetric = ScalingRecorder.fittedMetric(invocationContext.getExecutable()); // fails before measuring
        measureTest(invocation, invocationContext, context);
        MeasurementRun run = run(context);
        if (run.record() != null) {
            long size = ScalingRecorder.sizeArgument(invocationContext.getExecutable(), invocationContext.getArguments())
                    .orElse(0);
            org.perfjunit.result.Metric fitted = run.record().metric(fittedMetric);
            double time = run.record().metric(org.perfjunit.result.MetricNames.TIME).value();
            ScalingRecorder.forTemplate(context).record(size, time, run.record().run().threads(),
                    fitted == null ? time : fitted.value());
        }
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) {
        invocation.skip();
        throw new ExtensionConfigurationException("Configuration error: @TestFactory [" + context.getRequiredTestMethod().getName()
                + "()] cannot be a performance test: dynamic tests have no stable identity to measure and baseline. "
                + "Use @ParameterizedTest instead.");
    }

    private void measureTest(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                             ExtensionContext context) throws Throwable {
        PerfConfiguration config = PerfConfiguration.get(context);
        if (config.mode == PerfConfiguration.Mode.DISABLED) {
            invocation.proceed();
            return;
        }
        MeasurementRun run = run(context);
        // resolved before measuring, so a bad @Baseline value fails fast
        Optional<BaselineSettings> baseline = BaselineVerdict.settings(context);
        // --- forked isolation: the child measures, this JVM judges (ForkedTest) ---
        ForkConfiguration fork = ForkConfiguration.get(context);
        int forks = fork.forks(context.getRequiredTestMethod(), context.getRequiredTestClass());
        if (forks > 0) {
            invocation.skip();
            TestResult child = run.exclusively(() -> ForkedTest.run(context, fork, forks));
            run.adopt(child);
            publishNoiseAndLoad(run, context);
            finish(run, context, config, baseline);
            return;
        }
        // --- end forked isolation ---
        boolean usesContext = List.of(invocationContext.getExecutable().getParameterTypes()).contains(PerfContext.class);
        if (usesContext) {
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
                run.measure(org.perfjunit.engine.BodyOperation.of(method, target, args)); // inlinable, not Method.invoke
            } finally {
                invocation.skip();
            }
        }
        run.assemble();
        if (fork.isChild()) {
            // a forked JVM hands its result to the parent, which judges it
            java.nio.file.Files.write(fork.childResultFile,
                    org.perfjunit.result.ResultJson.mapper().writeValueAsBytes(run.record()));
            return;
        }
        publishNoiseAndLoad(run, context);
        finish(run, context, config, baseline);
    }

    /**
     * {@code perf.noise = stable: CV 1.2% (limit 25%), ...}, the gate's figures (also for tests that passed), and
     * for a paced load {@code perf.load = latency p50 ..., p99 ... (from intended start); ... achieved of ... target}.
     */
    private static void publishNoiseAndLoad(MeasurementRun run, ExtensionContext context) {
        if (run.noise() != null) {
            context.publishReportEntry("perf.noise", run.noise().describe());
        }
        if (run.record() != null) {
            org.perfjunit.engine.LoadMetrics.describe(run.record().metrics())
                    .ifPresent(load -> context.publishReportEntry("perf.load", load));
        }
    }

    private void finish(MeasurementRun run, ExtensionContext context, PerfConfiguration config,
                        Optional<BaselineSettings> baseline) throws Throwable {
        TestResult result = run.record();
        // the noise gate's INCONCLUSIVE triggers the configured reaction; a baseline's does not
        boolean noisy = result.outcome() == Outcome.INCONCLUSIVE;
        Method method = context.getRequiredTestMethod();
        if (SamplerConfiguration.nearest(method, context.getRequiredTestClass(), MaxEnergy.class).isPresent()
                && result.metric(org.perfjunit.result.MetricNames.ENERGY) == null) {
            throw new org.opentest4j.TestAbortedException(energyMeters(context).skipReason());
        }
        if (baseline.isPresent()) {
            result = withBaseline(run.record(), BaselineVerdict.evaluate(context, run, baseline.get()));
            run.replace(result);
        }
        boolean reportOnly = config.mode == PerfConfiguration.Mode.REPORT_ONLY;
        if (reportOnly && result.outcome() == Outcome.FAILED) {
            result = withOutcome(result, Outcome.REPORTED);
            run.replace(result);
        }
        ResultPublisher.publish(context, config, result);
        if (!reportOnly && result.outcome() == Outcome.FAILED) {
            throw failure(result);
        }
        if (!reportOnly && noisy && result.outcome() == Outcome.INCONCLUSIVE) {
            NoiseReaction.raise(result, NoiseConfiguration.get(context).action);
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
                    .map(org.perfjunit.result.Comparison::message).collect(java.util.stream.Collectors.joining("; "));
        }
        return new TestResult(r.id(), r.className(), r.methodName(), r.displayName(), r.tags(), r.timestamp(),
                r.metrics(), r.run(), r.checks(), gate.comparisons(), outcome, message);
    }

    private static TestResult withOutcome(TestResult r, Outcome outcome) {
        return new TestResult(r.id(), r.className(), r.methodName(), r.displayName(), r.tags(), r.timestamp(),
                r.metrics(), r.run(), r.checks(), r.comparisons(), outcome, r.message());
    }

    private static AssertionFailedError failure(TestResult result) {
        List<Check> failed = new ArrayList<>(result.checks().stream().filter(c -> !c.passed()).toList());
        if (failed.size() == 1 && result.message().equals(failed.get(0).message())) {
            Check c = failed.get(0);
            return new AssertionFailedError(c.message(),
                    org.perfjunit.result.UnitFormat.format(c.limit(), c.unit()),
                    org.perfjunit.result.UnitFormat.format(c.actual(), c.unit()));
        }
        return new AssertionFailedError(result.message());
    }

    private MeasurementRun run(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(RUN_KEY, k -> createRun(context), MeasurementRun.class);
    }

    private MeasurementRun createRun(ExtensionContext context) {
        PerfConfiguration config = PerfConfiguration.get(context);
        Method method = context.getRequiredTestMethod();
        Class<?> testClass = context.getRequiredTestClass();
        SamplerSettings settings = SamplerConfiguration.resolve(method, testClass, config.samplerDefaults);
        List<Limit> limits = new ArrayList<>(LimitConfiguration.resolve(method, testClass));
        org.perfjunit.energy.EnergyMeter meter = null;
        var maxEnergy = SamplerConfiguration.nearest(method, testClass, MaxEnergy.class);
        if (maxEnergy.isPresent()) {
            limits.add(new Limit("@MaxEnergy", org.perfjunit.result.MetricNames.ENERGY, null,
                    MaxEnergyConfiguration.limitJoules(maxEnergy.get(), method), true, "energy per invocation"));
            meter = energyMeters(context).meter().orElse(null);
        }
        ReentrantLock lock = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(LOCK_KEY, k -> new ReentrantLock(true), ReentrantLock.class);
        MeasurementRun.Identity identity = new MeasurementRun.Identity(TestIdentity.of(context),
                testClass.getName(), method.getName(), context.getDisplayName(),
                context.getTags().stream().sorted().toList());
        MeasurementRun run = new MeasurementRun(identity, settings, limits, lock, meter);
        run.configure(NoiseConfiguration.get(context), LoadConfiguration.rate(method, testClass, context),
                context.getStore(NAMESPACE).getOrDefault(SAMPLER_SEAM_KEY, MeasurementRun.SamplerFactory.class,
                        org.perfjunit.engine.Sampler::onJvm));
        run.timeouts(TimeoutConfiguration.resolve(method, testClass, context));
        return run;
    }

    /** The run's energy meter choice, probed once per run. */
    private static org.perfjunit.energy.MeterSelection energyMeters(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("energy-meters",
                k -> org.perfjunit.energy.EnergyMeters.load().select(), org.perfjunit.energy.MeterSelection.class);
    }
}
