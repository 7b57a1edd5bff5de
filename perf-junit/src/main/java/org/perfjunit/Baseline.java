package org.perfjunit;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compares a performance test with its stored baseline and fails it on a statistically
 * significant regression beyond the critical threshold.
 *
 * <p>Baselines live in {@code baselines/<environment-key>/<fully.qualified.TestClass>.json} at the
 * top of the git checkout (key {@code perf.junit.baseline.dir}), so they are committed and reviewed
 * like code and numbers from different machines are never compared. The first run records them
 * (verdict NEW); later runs compare. For each metric, perf-junit computes a block-bootstrap
 * confidence interval of the ratio current / baseline of the {@link #statistic() statistic} and a
 * Mann-Whitney test: CRITICAL (fails) when the whole interval lies beyond the critical threshold,
 * INCONCLUSIVE (re-measured once) when it straddles it, WARNING / IMPROVEMENT for a significant
 * change past the warning threshold, STABLE otherwise.
 *
 * <p>Every attribute has an "unset" sentinel ({@code ""} or empty array); unset attributes fall back
 * to the class annotation, then to the {@code perf.junit.baseline.*} configuration keys, then to the
 * defaults (time 8% warning / 15% critical, energy 3%/5%, memory 5%/10%, throughput 8%/15%,
 * accuracy 0.5/1 point).
 *
 * <pre>{@code
 * @Performance
 * @Baseline(critical = {"time=20%", "energy=5%"}, warning = "time=10%")
 * void compilesMeshNetwork() { compiler.compile(mesh); }
 * }</pre>
 *
 * Accept an intentional change with {@code mvn test -Dperf.junit.baseline.mode=update -Dtest=...}.
 * On a method it implies {@link Performance} with its defaults, like {@link MaxDuration}:
 * {@code @Test @Baseline} alone measures the test and compares it. On a class it configures the
 * comparison of the class's performance tests; the class's plain {@code @Test}s stay plain (and
 * untagged: unlike the limit annotations, {@code @Baseline} adds no {@code performance} tag).
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface Baseline {

    /**
     * Metrics compared, e.g. {@code {"time", "allocated"}} or {@code "cpu_time"} for single-threaded
     * CPU-bound code on a noisy machine. Empty: {@code perf.junit.baseline.metrics}, else time,
     * allocated, retained, throughput, energy and accuracy, each when the test reports it.
     */
    String[] metrics() default {};

    /** Compared statistic: {@code median} (default), {@code mean}, {@code p90}, {@code p95}, {@code p99}, {@code min}, {@code max}. */
    String statistic() default "";

    /**
     * Warning thresholds per metric, {@code "metric=limit"}: {@code "time=10%"} (relative to the
     * baseline) or {@code "accuracy=0.5pt"} (absolute percentage points, for scores in [0, 1] or in %).
     */
    String[] warning() default {};

    /** Critical thresholds per metric, same form as {@link #warning()}: {@code "time=15%"}, {@code "accuracy=1pt"}. */
    String[] critical() default {};

    /** Mode: {@code compare}, {@code strict}, {@code update}, {@code update_if_improved} or {@code off}. */
    String mode() default "";

    /**
     * Paired A/B comparison: the name of a method or {@code Supplier} field of the test class whose
     * operation is measured in alternating rounds with this test's; the verdict then compares this
     * test with it instead of with the stored baseline. Rounds are sequential: the verdict is looked at
     * after 30 rounds and at each doubling, and sampling stops once the interval has cleared the critical
     * threshold (or {@link #maxRatio()}) one way or the other, at most {@code maxSamples} rounds.
     */
    String against() default "";

    /**
     * Expected-ratio A/B, with {@link #against()}: the most this test's time may be, as a multiple of the
     * reference's, candidate / reference. {@code maxRatio = 1.9}: "tracking costs at most 1.9x";
     * {@code maxRatio = 0.8}: "the new parser is at least 20% faster than the old one". The verdict is
     * on the 95% confidence interval of the paired ratio (alternating rounds, block bootstrap): it fails
     * only when the whole interval lies above {@code maxRatio}, passes when the whole interval lies at or
     * below it, and is INCONCLUSIVE (passing unless {@code perf.junit.baseline.fail.on.inconclusive}) when
     * the interval straddles it. The critical/warning thresholds are not used then.
     *
     * <p>The interval covers the sampling noise of this run's rounds only. Run-to-run spread (another
     * JVM's JIT decisions, heap layout, machine state) is not in it and can be larger: two runs' intervals
     * need not overlap. Leave a margin for it, or check the ratio over several runs.
     * {@code -1} (default): unset; then the class's {@code @Baseline(maxRatio)}, then the key
     * {@code perf.junit.baseline.max.ratio}, which apply to the paired tests they cover; when all are unset,
     * the paired comparison uses the critical threshold. On a method without {@code against} it is a
     * configuration error.
     */
    double maxRatio() default -1;
}
