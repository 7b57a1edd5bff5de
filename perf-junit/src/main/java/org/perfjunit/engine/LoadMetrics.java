package org.perfjunit.engine;

import org.perfjunit.model.Direction;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.stats.SummaryCalculator;

import java.util.Map;
import java.util.Optional;

/**
 * The metrics of a {@link ScheduledLoad} run, on top of what {@link MetricAssembler} derives from its
 * samples: {@code time} there is already the corrected latency (p50/p90/p99/max in its summary);
 * this adds the uncorrected {@value #SERVICE_TIME}, the {@value #TARGET_RATE}, and replaces the
 * per-sample {@code throughput} with the achieved rate over the whole run.
 */
public final class LoadMetrics {

    /** Per-invocation service time (from actual start), ns: what a load tool suffering coordinated omission reports. */
    public static final String SERVICE_TIME = "service_time";
    /** The intended invocation rate, ops/s. */
    public static final String TARGET_RATE = "target_rate";

    private LoadMetrics() {
    }

    /**
     * Adds the load metrics to {@code metrics} (mutable, from {@link MetricAssembler}). When the run
     * kept a reservoir of its invocations, phase times (totals over every invocation, divided by the
     * kept ones) are rescaled to per invocation.
     */
    public static void addTo(Map<String, Metric> metrics, ScheduledLoad.Result load) {
        long kept = load.measurement().totalOperations();
        if (load.invocations() > kept) {
            double scale = (double) kept / load.invocations();
            metrics.replaceAll((name, m) -> name.startsWith(MetricNames.PHASE_PREFIX)
                    ? Metric.single(name, m.unit(), m.direction(), m.value() * scale) : m);
        }
        metrics.put(MetricNames.THROUGHPUT, Metric.single(MetricNames.THROUGHPUT, "ops/s", Direction.HIGHER_IS_BETTER,
                load.achievedRate()));
        metrics.put(TARGET_RATE, Metric.single(TARGET_RATE, "ops/s", Direction.HIGHER_IS_BETTER, load.targetRate()));
        metrics.put(SERVICE_TIME, Metric.sampled(SERVICE_TIME, "ns", Direction.LOWER_IS_BETTER,
                SummaryCalculator.summarize(load.serviceNanos()), load.serviceNanos()));
    }

    /**
     * {@code latency p50 1.2 ms, p90 3.4 ms, p99 9.8 ms, max 12 ms (from intended start); service p99 1.5 ms;
     * 498 ops/s achieved of 500 ops/s target (99.6%)}, or empty when {@code metrics} are not from a paced run.
     */
    public static Optional<String> describe(Map<String, Metric> metrics) {
        Metric latency = metrics.get(MetricNames.TIME);
        Metric service = metrics.get(SERVICE_TIME);
        Metric target = metrics.get(TARGET_RATE);
        Metric achieved = metrics.get(MetricNames.THROUGHPUT);
        if (latency == null || latency.summary() == null || service == null || service.summary() == null
                || target == null || achieved == null) {
            return Optional.empty();
        }
        var l = latency.summary();
        return Optional.of("latency p50 " + UnitFormat.nanos(l.median()) + ", p90 " + UnitFormat.nanos(l.p90())
                + ", p99 " + UnitFormat.nanos(l.p99()) + ", max " + UnitFormat.nanos(l.max()) + " (from intended start); "
                + "service p99 " + UnitFormat.nanos(service.summary().p99()) + "; "
                + UnitFormat.rate(achieved.value(), "ops/s") + " achieved of " + UnitFormat.rate(target.value(), "ops/s")
                + " target (" + UnitFormat.number(100 * achieved.value() / target.value()) + "%)");
    }
}
