package org.perfjunit.baseline;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.perfjunit.model.Environment;
import org.perfjunit.model.Metric;
import org.perfjunit.model.TestResult;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted measurement of one test: its metrics (summary plus a bounded, order-preserving
 * thinning of the raw samples), and when, on which commit and machine it was measured.
 *
 * @param id               stable test id, see {@link org.perfjunit.model.TestResult#id()}
 * @param displayName      JUnit display name, for humans reading the file
 * @param recorded         when the measurement finished
 * @param gitCommit        commit measured, or null
 * @param environment      the machine and JVM
 * @param metrics          metrics by name
 */
@JsonIgnoreProperties({"calibrationNanos"}) // written by versions that normalized by a calibration workload
public record BaselineEntry(String id, String displayName, Instant recorded, String gitCommit,
                            Environment environment, Map<String, Metric> metrics) {

    public BaselineEntry {
        metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
    }

    /**
     * The entry for {@code result}: every metric, raw samples thinned to at most {@code maxSamples}
     * (evenly spaced, time order kept, so the block bootstrap still sees neighbours).
     */
    public static BaselineEntry of(TestResult result, Environment environment, int maxSamples) {
        Map<String, Metric> metrics = new TreeMap<>();
        result.metrics().forEach((name, m) -> metrics.put(name, thinned(m, maxSamples)));
        return new BaselineEntry(result.id(), result.displayName(),
                result.timestamp() == null ? Instant.now() : result.timestamp(),
                environment == null ? null : environment.gitCommit(), environment, metrics);
    }

    /** {@code metric} with at most {@code max} samples, chosen deterministically. */
    static Metric thinned(Metric metric, int max) {
        double[] samples = metric.samples();
        if (samples == null || samples.length <= max) {
            return metric;
        }
        double[] kept = new double[max];
        for (int i = 0; i < max; i++) {
            kept[i] = samples[(int) ((long) i * samples.length / max)];
        }
        return new Metric(metric.name(), metric.unit(), metric.direction(), metric.value(), metric.summary(), kept);
    }

    /** A copy with {@code metric} added or replaced. */
    public BaselineEntry withMetric(Metric metric) {
        Map<String, Metric> copy = new TreeMap<>(metrics);
        copy.put(metric.name(), metric);
        return new BaselineEntry(id, displayName, recorded, gitCommit, environment, copy);
    }

    /** The metric of that name, or null. */
    public Metric metric(String name) {
        return metrics.get(name);
    }
}
