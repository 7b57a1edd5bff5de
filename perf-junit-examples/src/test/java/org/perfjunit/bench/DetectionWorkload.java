package org.perfjunit.bench;

import org.junit.jupiter.api.Test;
import org.perfjunit.Baseline;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.revision.RevisionClassLoader;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The tests of {@link CrossJvmDetectionBenchmark}, run by {@link DetectionTrial} in a fresh JVM through
 * the JUnit Launcher exactly as a user's build runs a test (defaults of {@code @Performance}, no JVM
 * flags). The slowdown is extra arithmetic, not a sleep: the current kernel runs {@code -Dbench.slowdown}
 * percent more iterations. Not named like a test, so Surefire does not run it.
 */
class DetectionWorkload {

    static final int BASE = 40_000;
    /** The "current revision": BASE plus the injected slowdown, fixed for the life of the JVM. */
    static final int LENGTH = BASE + BASE * Integer.getInteger("bench.slowdown", 0) / 100;
    /** Thresholds of the paired column: the smallest change it must catch is 2%. */
    static final String PAIRED_WARNING = "time=0.5%";
    static final String PAIRED_CRITICAL = "time=1%";

    private final LongSupplier current = new DetectionKernel(LENGTH);
    /**
     * The base: the same class loaded again, child-first, from the same class folder (as revision A/B loads
     * the base revision's classes), so the JIT compiles it separately from the current one.
     */
    private final LongSupplier baseKernel = baseKernel();

    /** Compared with the baseline stored by an earlier JVM: what a CI build with committed baselines gets. */
    @Test
    @Performance
    @Baseline
    void stored(PerfContext perf) {
        perf.measureLong(() -> current.getAsLong());
    }

    /** Paired with the base code in alternating rounds of one JVM: the mechanism revision A/B uses. */
    @Test
    @Performance
    @Baseline(against = "base", warning = PAIRED_WARNING, critical = PAIRED_CRITICAL)
    void paired(PerfContext perf) {
        perf.measure(() -> current.getAsLong());
    }

    final Supplier<Object> base = () -> baseKernel.getAsLong();

    private static LongSupplier baseKernel() {
        try {
            Path classes = Path.of(DetectionKernel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            RevisionClassLoader loader = new RevisionClassLoader("detection base", List.of(classes),
                    DetectionWorkload.class.getClassLoader());
            Class<?> type = loader.loadFromBase(DetectionKernel.class.getName()).orElseThrow();
            return (LongSupplier) type.getConstructor(int.class).newInstance(BASE);
        } catch (ReflectiveOperationException | URISyntaxException e) {
            throw new IllegalStateException("cannot load the base copy of DetectionKernel", e);
        }
    }
}
