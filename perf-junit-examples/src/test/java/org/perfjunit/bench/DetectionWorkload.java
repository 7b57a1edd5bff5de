package org.perfjunit.bench;

import org.junit.jupiter.api.Test;
import org.perfjunit.Baseline;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

/**
 * The code under test of {@link CrossJvmDetectionBenchmark}, run by {@link DetectionTrial} in a fresh
 * JVM through the JUnit Launcher exactly as a user's build runs a test (defaults of {@code @Performance},
 * no JVM flags). The slowdown is extra arithmetic, not a sleep: the loop runs
 * {@code -Dbench.slowdown} percent more iterations. Not named like a test, so Surefire does not run it.
 */
class DetectionWorkload {

    static final int BASE = 40_000;
    /** The "current revision": BASE plus the injected slowdown, fixed for the life of the JVM. */
    static final int LENGTH = BASE + BASE * Integer.getInteger("bench.slowdown", 0) / 100;
    /** Thresholds of the paired column: a 2% change must be decidable. */
    static final String PAIRED_WARNING = "time=1%";
    static final String PAIRED_CRITICAL = "time=1.5%";

    private final long[] data = new long[LENGTH];

    DetectionWorkload() {
        for (int i = 0; i < data.length; i++) {
            data[i] = i * 31L + 7;
        }
    }

    private long kernel(int length) {
        long sum = 0;
        for (int i = 0; i < length; i++) {
            sum += data[i] ^ (sum >>> 3);
        }
        return sum;
    }

    /** Compared with the baseline stored by an earlier JVM: what a CI build with committed baselines gets. */
    @Test
    @Performance
    @Baseline
    void stored(PerfContext perf) {
        perf.measureLong(() -> kernel(LENGTH));
    }

    /** Paired with the base code in alternating rounds of one JVM: the mechanism revision A/B uses. */
    @Test
    @Performance
    @Baseline(against = "base", warning = PAIRED_WARNING, critical = PAIRED_CRITICAL)
    void paired(PerfContext perf) {
        perf.measure(() -> kernel(LENGTH));
    }

    Object base() {
        return kernel(BASE);
    }
}
