package org.perfjunit.engine;

import org.perfjunit.Direction;
import org.perfjunit.result.Metric;
import org.perfjunit.result.MetricNames;
import org.perfjunit.stats.SummaryCalculator;

import java.util.Map;

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

    /** Adds the load metrics to {@code metrics} (mutable, from {@link MetricAssembler}). */
    public static void addTo(Map<String, Metric> metrics, ScheduledLoad.Result load) {
        metrics.put(MetricNames.THROUGHPUT, Metric.single(MetricNames.THROUGHPUT, "ops/s", Direction.HIGHER_IS_BETTER,
                load.achievedRate()));
        metrics.put(TARGET_RATE, Metric.single(TARGET_RATE, "ops/s", Direction.HIGHER_IS_BETTER, load.targetRate()));
        metrics.put(SERVICE_TIME, Metric.sampled(SERVICE_TIME, "ns", Direction.LOWER_IS_BETTER,
                SummaryCalculator.summarize(load.serviceNanos()), load.serviceNanos()));
    }
}
