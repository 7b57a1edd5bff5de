package org.perfjunit.engine;

import org.perfjunit.machine.EnergyMeter;
import org.perfjunit.machine.EnergyReading;
import org.perfjunit.model.Check;
import org.perfjunit.model.Metric;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.RunInfo;
import org.perfjunit.model.TestResult;
import org.perfjunit.stats.NoiseAssessment;
import org.perfjunit.verdict.LimitChecker;
import org.perfjunit.verdict.NoiseAction;
import org.perfjunit.verdict.NoiseVerdict;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.Lock;

/**
 * One test's measurement, built complete from its {@link RunPlan}: samples the operation under the
 * run-wide measurement lock, then turns the samples into metrics judged against the plan's limits
 * and noise gate ({@code verdict}). JUnit-free: the extension hands it the plan and the operation.
 */
public final class MeasurementRun {

    private final RunPlan plan;
    private final Lock measurementLock;
    private final EnergyMeter meter;
    private final SamplerFactory samplers;
    private final Observations observations = new Observations();
    // what the last sampling pass produced; replaced by a re-measure
    private double meterJoules = Double.NaN;
    private Measurement measurement;
    private Operation operation;
    private long peakHeap = -1;
    private long retained = -1;
    private ScheduledLoad.Result load;
    private boolean retried;
    private NoiseAssessment noiseAssessment;
    private TestResult result;

    /**
     * @param meter    energy meter read around the samples, or null when the test asks for no energy or code reports it
     * @param samplers where samplers come from (tests inject a fake clock)
     */
    public MeasurementRun(RunPlan plan, Lock measurementLock, EnergyMeter meter, SamplerFactory samplers) {
        this.plan = plan;
        this.measurementLock = measurementLock;
        this.meter = meter;
        this.samplers = samplers;
    }

    /** Creates the {@link Sampler} of a run; the seam through which tests inject a fake clock. */
    @FunctionalInterface
    public interface SamplerFactory {
        Sampler create(SamplingListener listener);
    }

    /** Where the test reports counters, metrics, energy and phases. */
    public Observations observations() {
        return observations;
    }

    /** Warm-up and samples; returns the last invocation's result. The operation's exceptions propagate unchanged. */
    public Object measure(Operation operation) throws Throwable {
        this.operation = operation;
        Object last = sampleOnce(operation, plan.sampler());
        if (plan.noise().action() == NoiseAction.RETRY && result != null && result.outcome() == Outcome.INCONCLUSIVE) {
            retried = true;
            last = sampleOnce(operation, NoiseRetry.settings(plan.sampler(), plan.limits()));
        }
        return last;
    }

    private Object sampleOnce(Operation operation, SamplerSettings settings) throws Throwable {
        HeapPeak heap = new HeapPeak();
        Measurement measured;
        measurementLock.lockInterruptibly();
        try {
            // no collection here: the extension collected before the test built its data (GarbageCollection),
            // so the data sits where the collector put it while the test ran, as in any other run of the code
            heap.reset();
            SamplingListener listener = meter == null ? observations : new MeteredListener();
            // a hung invocation is stopped here; the lock is ours, so it is released even if the worker is abandoned
            MeasurementWatchdog watchdog = plan.timeout().watchdog(plan.identity().id(), settings);
            if (Double.isNaN(plan.targetRate())) {
                measured = watchdog.run(listener, l -> samplers.create(l).measure(operation, settings));
            } else {
                load = watchdog.run(listener, l -> ScheduledLoad.onJvm(l).run(operation, settings, plan.targetRate()));
                measured = load.measurement();
            }
        } finally {
            measurementLock.unlock();
        }
        this.measurement = measured;
        this.peakHeap = heap.peakBytes();
        this.retained = LimitChecker.wantsRetained(plan.limits()) ? RetainedSize.of(measured.lastResult()) : -1;
        assemble();
        return measured.lastResult();
    }

    /**
     * Builds the result from the samples and everything reported so far; called again when the
     * test method returns, so counters and metrics reported after {@code measure} count too.
     */
    public void assemble() {
        if (measurement == null) {
            return;
        }
        OptionalDouble meterEnergy = Double.isNaN(meterJoules) ? OptionalDouble.empty()
                : OptionalDouble.of(meterJoules / measurement.totalOperations());
        Map<String, Metric> metrics = MetricAssembler.assemble(measurement, observations, peakHeap, retained, meterEnergy);
        if (load != null) {
            LoadMetrics.addTo(metrics, load);
        }
        RunInfo info = new RunInfo(measurement.warmupIterations(), measurement.warmupNanos(), measurement.steadyState(),
                measurement.samples().size(), measurement.batchSize(), measurement.threads(),
                measurement.measuredNanos(), measurement.stopReason(), false, measurement.heapTransient());
        result = judge(metrics, info);
    }

    /** Limit checks and the noise gate's judgement over {@code metrics}; see {@link NoiseVerdict} for the rule. */
    private TestResult judge(Map<String, Metric> metrics, RunInfo info) {
        List<Check> checks = LimitChecker.check(plan.limits(), metrics, info.samples());
        NoiseVerdict.Judgement judgement = NoiseVerdict.judge(plan.limits(), checks, metrics, plan.noise().gate());
        noiseAssessment = judgement.noise();
        String message = judgement.message();
        if (judgement.outcome() == Outcome.INCONCLUSIVE && retried) {
            message += " (after re-measuring with twice the samples)";
        }
        RunPlan.Identity identity = plan.identity();
        return new TestResult(identity.id(), identity.className(), identity.methodName(), identity.displayName(),
                identity.tags(), Instant.now(), metrics, info, checks, List.of(), judgement.outcome(), message);
    }

    /**
     * The noise gate's assessment of the time samples, or null (gate off, nothing measured); a baseline
     * comparison should call a noisy result's comparison INCONCLUSIVE rather than a regression.
     */
    public NoiseAssessment noise() {
        return noiseAssessment;
    }

    /**
     * Takes over the result a forked JVM measured: its metrics and run info (marked forked), with
     * the limits and the noise gate judged again here.
     */
    public void adopt(TestResult child) {
        result = judge(new LinkedHashMap<>(child.metrics()), child.run().withForked(true));
    }

    /** Runs {@code action} holding the run-wide measurement lock (a forked JVM measures under it too). */
    public <T> T exclusively(Callable<T> action) throws Exception {
        measurementLock.lockInterruptibly();
        try {
            return action.call();
        } finally {
            measurementLock.unlock();
        }
    }

    /** Reads the energy meter exactly around the samples, so warm-up energy is not charged to them. */
    private final class MeteredListener implements SamplingListener {
        private EnergyReading reading;

        @Override
        public void samplingStarted() {
            observations.samplingStarted();
            reading = meter.start();
        }

        @Override
        public void samplingFinished() {
            meterJoules = reading.stopJoules();
            observations.samplingFinished();
        }
    }

    /**
     * Measures the same operation once more (baseline re-measure of an inconclusive verdict). The
     * re-measure runs after the test method returned; if the operation no longer works then (it
     * uses something the test closed, e.g. a thread pool), the first measurement is judged and the
     * reason is printed, instead of failing a test whose measurement was fine.
     */
    public TestResult remeasure() {
        TestResult first = result;
        try {
            measure(operation);
            return result;
        } catch (VirtualMachineError | MeasurementTimeoutException e) {
            throw e;
        } catch (Throwable t) {
            result = first;
            System.err.println("[perf-junit] WARNING: " + plan.identity().id() + ": re-measuring after an INCONCLUSIVE "
                    + "baseline verdict failed (" + t + "); the operation ran after the test method returned and may use "
                    + "resources the test had closed. The first measurement is judged.");
            return first;
        }
    }

    /**
     * Candidate and reference per-operation times from alternating rounds, then their CPU times per operation,
     * under the measurement lock; sampling stops at the first look where {@code stop} says the pairs decide
     * ({@link Sampler#measurePaired}).
     */
    public double[][] measurePaired(Operation reference, PairedStop stop) throws Throwable {
        return measurePaired(operation, reference, stop);
    }

    /**
     * As {@link #measurePaired(Operation, PairedStop)}, with another candidate than the measured operation: a
     * fresh copy of it (revision A/B), which the JIT compiles together with the reference.
     */
    public double[][] measurePaired(Operation candidate, Operation reference, PairedStop stop) throws Throwable {
        measurementLock.lockInterruptibly();
        try {
            SamplerSettings settings = plan.sampler();
            // each of two operations is calibrated twice and warmed up: four warm-up caps in the timeout
            SamplerSettings pairedCaps = settings.withMaxWarmup(settings.maxWarmup().multipliedBy(4));
            return plan.timeout().watchdog(plan.identity().id(), pairedCaps).run(SamplingListener.NONE,
                    l -> samplers.create(l).measurePaired(candidate, reference, settings, stop));
        } finally {
            measurementLock.unlock();
        }
    }

    /** The judged result, or null before anything was measured. */
    public TestResult record() {
        return result;
    }
}
