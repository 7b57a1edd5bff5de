package org.perfjunit.baseline;

import org.perfjunit.model.Direction;
import org.perfjunit.model.CpuIdentity;
import org.perfjunit.model.Environment;
import org.perfjunit.model.Metric;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.TestResult;
import org.perfjunit.stats.SummaryCalculator;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded synthetic samples and results for tests: no clocks, no sleeps. */
public final class SyntheticResults {

    public static final Environment ENVIRONMENT = new Environment("Linux", "6.1", "amd64", "Test CPU 3000", 2, 17,
            "Vendor", "17.0.1", "G1 Young Generation,G1 Old Generation", 1L << 30, "abc123", "host",
            new CpuIdentity("AuthenticAMD", 26, 2, 1, 1L << 20, 32L << 20, true));

    private SyntheticResults() {
    }

    /** {@code n} values around {@code center} with relative Gaussian noise {@code noise}. */
    public static double[] samples(double center, double noise, int n, long seed) {
        Random random = new Random(seed);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = center * (1 + noise * random.nextGaussian());
        }
        return out;
    }

    public static Metric sampled(String name, String unit, Direction direction, double[] values) {
        return Metric.sampled(name, unit, direction, SummaryCalculator.summarize(values), values);
    }

    public static Metric time(double centerNanos, double noise, long seed) {
        return sampled("time", "ns", Direction.LOWER_IS_BETTER, samples(centerNanos, noise, 60, seed));
    }

    public static TestResult result(String className, String method, Metric... metrics) {
        Map<String, Metric> map = new LinkedHashMap<>();
        Arrays.stream(metrics).forEach(m -> map.put(m.name(), m));
        return new TestResult(className + "#" + method + "()", className, method, method + "()", List.of("performance"),
                Instant.parse("2026-01-02T03:04:05Z"), map, null, List.of(), List.of(), Outcome.PASSED, null);
    }
}
