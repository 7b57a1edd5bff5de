package org.perfjunit;

import org.assertj.core.api.AbstractAssert;
import org.perfjunit.model.Metric;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.UnitFormat;

import java.time.Duration;

/** Assertions on a {@link PerfResult}; failure messages name the statistic, the values and the sample count. */
public final class PerfResultAssert extends AbstractAssert<PerfResultAssert, PerfResult> {

    PerfResultAssert(PerfResult actual) {
        super(actual, PerfResultAssert.class);
    }

    /** The median time per operation is below {@code limit}. */
    public PerfResultAssert hasMedianBelow(Duration limit) {
        return hasTimeBelow(Statistic.MEDIAN, limit);
    }

    /** The given statistic of the time per operation is below {@code limit}. */
    public PerfResultAssert hasTimeBelow(Statistic statistic, Duration limit) {
        isNotNull();
        Duration time = actual.time(statistic);
        if (time.compareTo(limit) >= 0) {
            failWithActualExpectedAndMessage(time, limit, "Expected %s time of [%s] to be below [%s] but was [%s] over [%d] samples",
                    statistic.label(), actual.id(), UnitFormat.nanos(limit.toNanos()), UnitFormat.nanos(time.toNanos()),
                    actual.samples());
        }
        return this;
    }

    /** The median bytes allocated per operation are at most {@code bytes}. */
    public PerfResultAssert allocatesAtMost(double bytes) {
        isNotNull();
        double allocated = actual.allocatedBytesPerOperation().orElseThrow(() ->
                new AssertionError("Expected allocation figures for [" + actual.id() + "] but this JVM does not report allocation"));
        if (allocated > bytes) {
            failWithActualExpectedAndMessage(allocated, bytes, "Expected [%s] to allocate at most [%s] per operation but it allocated [%s]",
                    actual.id(), UnitFormat.bytes(bytes), UnitFormat.bytes(allocated));
        }
        return this;
    }

    /** The median throughput is at least {@code opsPerSecond}. */
    public PerfResultAssert hasThroughputAtLeast(double opsPerSecond) {
        isNotNull();
        double throughput = actual.throughputPerSecond();
        if (throughput < opsPerSecond) {
            failWithActualExpectedAndMessage(throughput, opsPerSecond, "Expected [%s] to reach at least [%s] but reached [%s]",
                    actual.id(), UnitFormat.rate(opsPerSecond, "ops/s"), UnitFormat.rate(throughput, "ops/s"));
        }
        return this;
    }

    /** The metric {@code name} is at most {@code max}. */
    public PerfResultAssert hasMetricAtMost(String name, double max) {
        Metric metric = metric(name);
        if (metric.value() > max) {
            failWithActualExpectedAndMessage(metric.value(), max, "Expected metric [%s] of [%s] to be at most [%s] but was [%s]",
                    name, actual.id(), UnitFormat.format(max, metric.unit()), UnitFormat.format(metric.value(), metric.unit()));
        }
        return this;
    }

    /** The metric {@code name} is at least {@code min}. */
    public PerfResultAssert hasMetricAtLeast(String name, double min) {
        Metric metric = metric(name);
        if (metric.value() < min) {
            failWithActualExpectedAndMessage(metric.value(), min, "Expected metric [%s] of [%s] to be at least [%s] but was [%s]",
                    name, actual.id(), UnitFormat.format(min, metric.unit()), UnitFormat.format(metric.value(), metric.unit()));
        }
        return this;
    }

    /**
     * Starts assertions on the ratio of this result's median time to {@code reference}'s, with its
     * confidence interval: {@code assertThat(tracked).hasMedianTimeRatioTo(plain).isAtMost(1.9)}. See
     * {@link TimeRatioAssert} for what the interval covers (noise within this run, not run-to-run spread).
     */
    public TimeRatioAssert hasMedianTimeRatioTo(PerfResult reference) {
        isNotNull();
        if (reference == null) {
            throw new IllegalArgumentException("the reference result of a time ratio must not be null");
        }
        return new TimeRatioAssert(actual, reference);
    }

    /** Warm-up reached a steady state before its cap. */
    public PerfResultAssert reachedSteadyState() {
        isNotNull();
        if (!actual.steadyState()) {
            failWithMessage("Expected [%s] to reach a steady state during warm-up, but the warm-up cap was hit", actual.id());
        }
        return this;
    }

    private Metric metric(String name) {
        isNotNull();
        return actual.metric(name).orElseThrow(() -> new AssertionError(
                "Expected metric [" + name + "] in [" + actual.id() + "] but it has " + actual.record().metrics().keySet()));
    }
}
