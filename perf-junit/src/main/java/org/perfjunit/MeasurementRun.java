package org.perfjunit;

import org.perfjunit.engine.HeapPeak;
import org.perfjunit.engine.Limit;
import org.perfjunit.engine.LimitChecker;
import org.perfjunit.engine.Measurement;
import org.perfjunit.engine.MeasurementTimeoutException;
import org.perfjunit.engine.MeasurementWatchdog;
import org.perfjunit.engine.LoadMetrics;
import org.perfjunit.engine.MetricAssembler;
import org.perfjunit.engine.NoiseVerdict;
import org.perfjunit.engine.ScheduledLoad;
import org.perfjunit.engine.Observations;
import org.perfjunit.engine.Operation;
import org.perfjunit.engine.RetainedSize;
import org.perfjunit.engine.Sampler;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.result.Check;
import org.perfjunit.result.Metric;
import org.perfjunit.result.Outcome;
import org.perfjunit.result.RunInfo;
import org.perfjunit.result.TestResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.locks.Lock;

/**
 * One test's measurement: samples the operation under the run-wide measurement lock, then turns
 * the samples into metrics and limit checks. JUnit-free apart from the identity strings it is given.
 */
final class MeasurementRun {

    /** Who the test is, for the result record. */
    record Identity(String id, String className, String methodName, String displayName, List<String> tags) {
    }

    private final Identity identity;
    private final SamplerSettings settings;
    private final List<Limit> limits;
    private final Lock measurementLock;
    private final Observations observations = new Observations();
    private final org.perfjunit.energy.EnergyMeter meter;
    private double meterJoules = Double.NaN;
    private Measurement measurement;
    private Operation operation;
    private long peakHeap = -1;
    private long retained = -1;
    private TestResult result;
    // --- noise gate, target rate, fork (see configure) ---
    private NoiseConfiguration noise = NoiseConfiguration.defaults();
    private double targetRate = Double.NaN;
    private SamplerFactory samplers = Sampler::onJvm;
    private ScheduledLoad.Result load;
    private boolean retried;
    private org.perfjunit.stats.NoiseAssessment noiseAssessment;
    private TimeoutConfiguration timeouts = TimeoutConfiguration.defaults();

    /** @param meter energy meter read around the samples, or null when the test asks for no energy or code reports it */
    MeasurementRun(Identity identity, SamplerSettings settings, List<Limit> limits, Lock measurementLock,
                   org.perfjunit.energy.EnergyMeter meter) {
        this.meter = meter;
        this.identity = identity;
        this.settings = settings;
        this.limits = limits;
        this.measurementLock = measurementLock;
    }

    /** The noise gate, the target rate (NaN = unpaced) and where samplers come from (tests inject fakes). */
    void configure(NoiseConfiguration noiseConfiguration, double ratePerSecond, SamplerFactory samplerFactory) {
        this.noise = noiseConfiguration;
        this.targetRate = ratePerSecond;
        this.samplers = samplerFactory;
    }

    /** The measurement timeout and where sampling runs ({@link org.perfjunit.engine.MeasurementWatchdog}). */
    void timeouts(TimeoutConfiguration timeoutConfiguration) {
        this.timeouts = timeoutConfiguration;
    }

    /** Creates the {@link Sampler} of a run; the seam through which tests inject a fake clock. */
    @FunctionalInterface
    interface SamplerFactory {
        Sampler create(org.perfjunit.engine.SamplingListener listener);
    }

    Observations observations() {
        return observations;
    }

    /** Warm-up and samples; returns the last invocation's result. The operation's exceptions propagate unchanged. */
    Object measure(Operation operation) throws Throwable {
        this.operation = operation;
        Object last = sampleOnce(operation, settings);
        if (noise.action == NoiseAction.RETRY && result != null && result.outcome() == Outcome.INCONCLUSIVE) {
            retried = true;
            last = sampleOnce(operation, NoiseConfiguration.retry(settings, limits));
        }
        return last;
    }

    private Object sampleOnce(Operation operation, SamplerSettings settings) throws Throwable {
        HeapPeak heap = new HeapPeak();
        Measurement measured;
        measurementLock.lockInterruptibly();
        try {
            // collect first, so the peak is this test's and not the garbage earlier tests left behind
            System.gc();
            heap.reset();
            org.perfjunit.engine.SamplingListener listener = meter == null ? observations : new MeteredListener();
            // a hung invocation is stopped here; the lock is ours, so it is released even if the worker is abandoned
            MeasurementWatchdog watchdog = timeouts.watchdog(identity.id(), settings);
            if (Double.isNaN(targetRate)) {
                measured = watchdog.run(listener, l -> samplers.create(l).measure(operation, settings));
            } else {
                load = watchdog.run(listener, l -> ScheduledLoad.onJvm(l).run(operation, settings, targetRate));
                measured = load.measurement();
            }
        } finally {
            measurementLock.unlock();
        }
        this.measurement = measured;
        this.peakHeap = heap.peakBytes();
        this.retained = LimitConfiguration.wantsRetained(limits) ? RetainedSize.of(measured.lastResult()) : -1;
        assemble();
        return measured.lastResult();
    }

    /**
     * Builds the result from the samples and everything reported so far; called again when the
     * test method returns, so counters and metrics reported after {@code measure} count too.
     */
    void assemble() {
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

    /** Limit checks and the noise gate's verdict over {@code metrics}; see {@link NoiseVerdict} for the rule. */
    private TestResult judge(Map<String, Metric> metrics, RunInfo info) {
        List<Check> checks = LimitChecker.check(limits, metrics, info.samples());
        NoiseVerdict.Verdict verdict = NoiseVerdict.judge(limits, checks, metrics, noise.gate());
        noiseAssessment = verdict.noise();
        String message = verdict.message();
        if (verdict.outcome() == Outcome.INCONCLUSIVE && retried) {
            message += " (after re-measuring with twice the samples)";
        }
        return new TestResult(identity.id(), identity.className(), identity.methodName(), identity.displayName(),
                identity.tags(), Instant.now(), metrics, info, checks, List.of(), verdict.outcome(), message);
    }

    /**
     * The noise gate's assessment of the time samples, or null (gate off, nothing measured); a baseline
     * comparison should call a noisy result's comparison INCONCLUSIVE rather than a regression.
     */
    org.perfjunit.stats.NoiseAssessment noise() {
        return noiseAssessment;
    }

    /**
     * Takes over the result a forked JVM measured: its metrics and run info (marked forked), with
     * the limits and the noise gate judged again here.
     */
    void adopt(TestResult child) {
        RunInfo c = child.run();
        RunInfo info = new RunInfo(c.warmupIterations(), c.warmupNanos(), c.steadyState(), c.samples(), c.batchSize(),
                c.threads(), c.measuredNanos(), c.stopReason(), true, c.heapTransient());
        result = judge(new java.util.LinkedHashMap<>(child.metrics()), info);
    }

    /** Runs {@code action} holding the run-wide measurement lock (a forked JVM measures under it too). */
    <T> T exclusively(java.util.concurrent.Callable<T> action) throws Exception {
        measurementLock.lockInterruptibly();
        try {
            return action.call();
        } finally {
            measurementLock.unlock();
        }
    }

    /** Reads the energy meter exactly around the samples, so warm-up energy is not charged to them. */
    private final class MeteredListener implements org.perfjunit.engine.SamplingListener {
        private org.perfjunit.energy.EnergyReading reading;

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
    TestResult remeasure() {
        TestResult first = result;
        try {
            measure(operation);
            return result;
        } catch (VirtualMachineError | MeasurementTimeoutException e) {
            throw e;
        } catch (Throwable t) {
            result = first;
            System.err.println("[perf-junit] WARNING: " + identity.id() + ": re-measuring after an INCONCLUSIVE baseline "
                    + "verdict failed (" + t + "); the operation ran after the test method returned and may use "
                    + "resources the test had closed. The first measurement is judged.");
            return first;
        }
    }

    /** Candidate and reference per-operation times from alternating rounds, under the measurement lock. */
    double[][] measurePaired(Operation reference) throws Throwable {
        measurementLock.lockInterruptibly();
        try {
            // each of two operations is calibrated twice and warmed up: four warm-up caps in the timeout
            SamplerSettings pairedCaps = new SamplerSettings(settings.warmupIterations(), settings.maxWarmup().multipliedBy(4),
                    settings.iterations(), settings.minSamples(), settings.maxSamples(), settings.minTime(),
                    settings.maxTime(), settings.targetPrecision(), settings.batchSize(), settings.minSampleTime(),
                    settings.threads());
            return timeouts.watchdog(identity.id(), pairedCaps).run(org.perfjunit.engine.SamplingListener.NONE,
                    l -> Sampler.onJvm(l).measurePaired(operation, reference, settings));
        } finally {
            measurementLock.unlock();
        }
    }

    Optional<PerfResult> result() {
        return Optional.ofNullable(result).map(PerfResult::new);
    }

    TestResult record() {
        return result;
    }

    void replace(TestResult updated) {
        this.result = updated;
    }

    static String failureMessage(List<Check> checks) {
        return String.join("; ", checks.stream().filter(c -> !c.passed()).map(Check::message).toList());
    }
}
