package org.perfjunit;

import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Statistic;
import org.perfjunit.model.TestResult;

import java.time.Duration;
import java.util.Optional;

/**
 * The measured result of a performance test, as handed to the test through
 * {@link PerfContext#result()} and checked with {@link PerfAssertions#assertThat(PerfResult)}.
 * A thin, convenient view over the report model {@link TestResult}.
 */
public final class PerfResult {

    private final TestResult result;

    public PerfResult(TestResult result) {
        this.result = result;
    }

    /** The full record, as written to {@code perf-results.json}. */
    public TestResult record() {
        return result;
    }

    /** Stable test id. */
    public String id() {
        return result.id();
    }

    /** The given statistic of the time per operation. */
    public Duration time(Statistic statistic) {
        Metric time = require(MetricNames.TIME);
        return Duration.ofNanos(Math.round(time.summary().get(statistic)));
    }

    /** Median time per operation. */
    public Duration median() {
        return time(Statistic.MEDIAN);
    }

    /** Number of samples. */
    public int samples() {
        return result.run().samples();
    }

    /** Median heap bytes allocated per operation, if the JVM reports allocation. */
    public Optional<Double> allocatedBytesPerOperation() {
        return metric(MetricNames.ALLOCATED).map(Metric::value);
    }

    /** Median operations per second. */
    public double throughputPerSecond() {
        return require(MetricNames.THROUGHPUT).value();
    }

    /** A metric by name (built-in, counter, phase or user metric). */
    public Optional<Metric> metric(String name) {
        return Optional.ofNullable(result.metric(name));
    }

    /** Whether warm-up reached a steady state before its cap. */
    public boolean steadyState() {
        return result.run().steadyState();
    }

    /**
     * Whether the heap had not been seen to settle when sampling began (the collector was resizing it, or the
     * code had not yet allocated its way through it), or was resized while samples were taken: allocating code
     * may then also have paid for paging in fresh heap memory and for the resizing collections. Warm-up waits
     * for the heap to settle up to {@code maxWarmupTime} (up to twice that after a resize, or while the code
     * still meets fresh pages); a longer {@code maxWarmupTime}, or a fixed, pre-touched heap ({@code -Xms}
     * equal to {@code -Xmx} with {@code -XX:+AlwaysPreTouch}), avoids the transient.
     */
    public boolean heapTransient() {
        return result.run().heapTransient();
    }

    private Metric require(String name) {
        return metric(name).orElseThrow(() -> new IllegalStateException("no metric [" + name + "] in " + result.id()));
    }

    @Override
    public String toString() {
        return "PerfResult[" + result.id() + ", " + result.metrics().values() + "]";
    }
}
