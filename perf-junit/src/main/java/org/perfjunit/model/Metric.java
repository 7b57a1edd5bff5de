package org.perfjunit.model;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.DoubleStream;

/**
 * One measured quantity of a test: its representative value, unit and direction, and, where it
 * was sampled, the summary and a bounded copy of the per-sample values (per operation).
 *
 * <p>Units are base units so figures compare across tests: {@code ns} (time per operation),
 * {@code B} (bytes), {@code ops/s}, {@code J} (energy per operation), or a user unit.
 *
 * @param name      metric name, see {@link MetricNames}
 * @param unit      base unit
 * @param direction which way is better
 * @param value     representative value (the median for sampled metrics)
 * @param summary   summary of the samples, or {@code null} for a single-valued metric
 * @param samples   per-sample values (bounded), or {@code null}
 */
public record Metric(String name, String unit, Direction direction, double value, Summary summary, double[] samples) {

    /**
     * Raw samples kept by {@link #sampled}: longer series are thinned to this many, evenly spaced
     * in time order, so {@code perf-results.json} and the HTML report stay small for runs of millions
     * of invocations. The summary is always computed from every sample.
     */
    public static final int MAX_KEPT_SAMPLES = 1000;

    public Metric {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("metric name must not be blank");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric [" + name + "] must be finite, was " + value);
        }
        unit = unit == null ? "" : unit;
        direction = direction == null ? Direction.LOWER_IS_BETTER : direction;
    }

    /** A single-valued metric. */
    public static Metric single(String name, String unit, Direction direction, double value) {
        return new Metric(name, unit, direction, value, null, null);
    }

    /**
     * A sampled metric whose value is the median of {@code summary} (computed from all samples);
     * at most {@value #MAX_KEPT_SAMPLES} of {@code samples} are kept.
     */
    public static Metric sampled(String name, String unit, Direction direction, Summary summary, double[] samples) {
        return new Metric(name, unit, direction, summary.median(), summary, thin(samples));
    }

    /** Every sample when there are few; else {@value #MAX_KEPT_SAMPLES} evenly spaced ones (deterministic, time order kept). */
    static double[] thin(double[] samples) {
        if (samples == null || samples.length <= MAX_KEPT_SAMPLES) {
            return samples;
        }
        double[] kept = new double[MAX_KEPT_SAMPLES];
        for (int i = 0; i < kept.length; i++) {
            kept[i] = samples[(int) ((long) i * samples.length / MAX_KEPT_SAMPLES)];
        }
        return kept;
    }

    /**
     * Why this metric, read from a file under {@code key}, cannot be trusted, or empty: its name differs
     * from the key, or a value is impossible (see {@link MetricChecks}: non-finite, negative or absurd times,
     * sizes, rates and energies, a statistic outside its own min-max, more kept samples than counted).
     * The defect's pointer is relative to the metric.
     */
    public java.util.Optional<Defect> defect(String key) {
        if (!name.equals(key)) {
            return java.util.Optional.of(new Defect("/name", "metric [" + key + "] must be an object whose 'name'"
                    + " equals its key"));
        }
        return MetricChecks.check(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Metric m && name.equals(m.name) && unit.equals(m.unit) && direction == m.direction
                && Double.compare(value, m.value) == 0 && Objects.equals(summary, m.summary)
                && Arrays.equals(samples, m.samples);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, unit, direction, value, summary) * 31 + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return name + "=" + value + " " + unit;
    }
}
