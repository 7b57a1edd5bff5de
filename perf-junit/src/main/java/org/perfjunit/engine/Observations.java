package org.perfjunit.engine;

import org.perfjunit.model.Direction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the code under test reports about itself while it is measured: phase times, counters,
 * energy and domain metrics. Thread-safe (concurrent load tests report from several threads).
 * Only reports made while {@link #recording} is on count toward per-invocation figures, so warm-up
 * does not skew them; reports made outside any sampling (before or after {@code measure}) count
 * when nothing was recorded during sampling.
 */
public final class Observations implements SamplingListener {

    /** A domain metric as reported. */
    public record UserMetric(double value, String unit, Direction direction) {
    }

    /** Running mean of one reported quantity. */
    static final class Mean {
        private final DoubleAdder sum = new DoubleAdder();
        private final LongAdder count = new LongAdder();

        void add(double v) {
            sum.add(v);
            count.increment();
        }

        long count() {
            return count.sum();
        }

        double mean() {
            long n = count.sum();
            return n == 0 ? Double.NaN : sum.sum() / n;
        }
    }

    private final Map<String, LongAdder> phaseNanos = new LinkedHashMap<>();
    private final Map<String, Mean> sampledCounters = new LinkedHashMap<>();
    private final Map<String, Mean> otherCounters = new LinkedHashMap<>();
    private final Map<String, UserMetric> metrics = new LinkedHashMap<>();
    private final Mean sampledEnergy = new Mean();
    private final Mean otherEnergy = new Mean();
    private volatile boolean recording;

    @Override
    public synchronized void samplingStarted() {
        phaseNanos.clear();
        sampledCounters.clear();
        sampledEnergy.sum.reset();
        sampledEnergy.count.reset();
        recording = true;
    }

    @Override
    public void samplingFinished() {
        recording = false;
    }

    public void phase(String name, long nanos) {
        if (recording) {
            LongAdder adder;
            synchronized (this) {
                adder = phaseNanos.computeIfAbsent(name, k -> new LongAdder());
            }
            adder.add(nanos);
        }
    }

    public synchronized void counter(String name, double perInvocation) {
        (recording ? sampledCounters : otherCounters).computeIfAbsent(name, k -> new Mean()).add(perInvocation);
    }

    public void energy(double joules) {
        (recording ? sampledEnergy : otherEnergy).add(joules);
    }

    public synchronized void metric(String name, double value, String unit, Direction direction) {
        metrics.put(name, new UserMetric(value, unit, direction));
    }

    /** Total phase time during sampling, by phase name. */
    public synchronized Map<String, Long> phaseNanos() {
        Map<String, Long> out = new LinkedHashMap<>();
        phaseNanos.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** Mean reported amount per invocation, by counter name. */
    public synchronized Map<String, Double> counters() {
        Map<String, Double> out = new LinkedHashMap<>();
        otherCounters.forEach((k, v) -> out.put(k, v.mean()));
        sampledCounters.forEach((k, v) -> out.put(k, v.mean()));
        return out;
    }

    /** Mean reported energy per invocation in joules, or NaN when none was reported. */
    public double energyPerInvocation() {
        return sampledEnergy.count() > 0 ? sampledEnergy.mean() : otherEnergy.mean();
    }

    public synchronized Map<String, UserMetric> metrics() {
        return new LinkedHashMap<>(metrics);
    }
}
