package org.perfjunit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.perfjunit.model.Statistic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Measures a test: warm-up until steady state, then samples of auto-calibrated batches, until the
 * median's confidence interval is tight enough (adaptive) or a fixed number of samples is taken.
 * Tags the test {@code performance}, so {@code mvn test -Dgroups=performance} selects it.
 *
 * <p>Without a {@link PerfContext} parameter, the whole test method body is the measured
 * operation: the extension invokes it repeatedly after {@code @BeforeEach} has run once. With a
 * {@code PerfContext} parameter, only what the test passes to {@link PerfContext#measure} is timed.
 *
 * <p>Every attribute has an "unset" sentinel; unset attributes fall back to the class-level
 * annotation, then to the configuration key named in its Javadoc
 * ({@code junit-platform.properties} or {@code -D}), then to the default.
 *
 * <pre>{@code
 * @Test
 * @Performance(warmupIterations = 5, iterations = 20)
 * @MaxDuration(value = 100, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
 * void compilesSmallModel(PerfContext perf) {
 *     Circuit c = perf.measure(() -> compiler.compile(SMALL));
 *     assertThat(c.mziCount()).isPositive();
 * }
 * }</pre>
 *
 * <p><b>Noise gate.</b> Before a limit is judged, the time samples are checked for spread
 * (coefficient of variation, key {@code perf.junit.noise.max.cv}, default 0.25), precision (median CI
 * half-width, {@code perf.junit.noise.max.ci}, default ±5%) and drift over time (Mann-Kendall,
 * {@code perf.junit.noise.drift.alpha} 0.01 and {@code perf.junit.noise.drift.min} 5%). On noisy samples a limit
 * is decided only when the whole 95% interval of its statistic lies on one side of the bound; an undecided
 * limit makes the result {@code INCONCLUSIVE}, never a pass or a failure. {@code perf.junit.noise.action}:
 * {@code retry} (default: re-measure once with twice the samples and time, then abort), {@code abort},
 * {@code fail} or {@code ignore}.
 *
 * <p>Performance tests are serialized with a resource lock ({@code perf-junit.measurement}) so that
 * under JUnit parallel execution they do not measure each other's load.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface Performance {

    /** Fixed warm-up batches; -1 (default) detects steady state. Key {@code perf.junit.warmup.iterations}. */
    int warmupIterations() default -1;

    /** Cap on warm-up, e.g. {@code "5s"}; "" = unset. Key {@code perf.junit.warmup.max.time}, default 5 s. */
    String maxWarmupTime() default "";

    /** Fixed number of samples; -1 (default) stops adaptively. Key {@code perf.junit.measurement.iterations}. */
    int iterations() default -1;

    /** Adaptive: minimum samples; -1 = unset. Key {@code perf.junit.measurement.min.samples}, default 10. */
    int minSamples() default -1;

    /** Minimum measuring time, e.g. {@code "200ms"}; "" = unset. Key {@code perf.junit.measurement.min.time}. */
    String minTime() default "";

    /** Maximum measuring time, e.g. {@code "10s"}; "" = unset. Key {@code perf.junit.measurement.max.time}, default 10 s. */
    String maxTime() default "";

    /**
     * Adaptive: stop when the median's 95% confidence interval half-width is at most this fraction
     * of the median; -1 = unset. Key {@code perf.junit.measurement.precision}, default 0.01.
     */
    double precision() default -1;

    /** Operations per sample; -1 (default) calibrates so a sample lasts at least 1 ms. Key {@code perf.junit.measurement.batch.size}. */
    long batchSize() default -1;

    /**
     * Threads invoking the operation concurrently (load test); -1 = unset, default 1. Key
     * {@code perf.junit.measurement.threads}. Without a {@link #rate()}, each round starts the threads
     * together on one batch each; {@code time} is per-operation latency, {@code throughput} the total
     * over all threads.
     */
    int threads() default -1;

    /**
     * Target rate for a load test, e.g. {@code "500/s"}, {@code "2/ms"} or {@code "30000/min"}; "" = unset
     * (unpaced). Key {@code perf.junit.load.rate}. Invocation {@code k} is due at {@code start + k/rate};
     * the {@link #threads()} share that schedule, one invocation at a time, and a late thread starts its
     * next invocation at once. Latency is measured from the <em>intended</em> start, correcting coordinated
     * omission as wrk2 does: metric {@code time} (its p50/p90/p99/max; what {@link MaxDuration} checks) is
     * that corrected latency, {@code service_time} the uncorrected one, {@code throughput} the achieved
     * rate and {@code target_rate} the intended one. Runs {@link #iterations()} invocations when set, else
     * for {@link #minTime()}, and stops issuing at {@link #maxTime()}. Warm-up: {@link #warmupIterations()}
     * unpaced invocations, or 1 s of them.
     */
    String rate() default "";

    /**
     * 1 runs the test in a fresh JVM (same {@code java}, same class path, the JUnit Platform Launcher
     * selecting just this test or parameterized invocation), so JIT profiles of earlier tests cannot
     * skew it, as JMH forks do; N runs it in N fresh JVMs one after another and pools their samples
     * (single-valued metrics are averaged); 0 runs it in this JVM; -1 (default) = unset. Key {@code perf.junit.fork}
     * ({@code true} = 1 fork, {@code false} = 0, default false); extra JVM arguments from {@code perf.junit.fork.jvm.args},
     * a time limit from {@code perf.junit.fork.timeout} (default 5m). Samples come back to this JVM, which
     * checks the limits and reports the verdict on the original test; the child's output is forwarded and
     * an exception in the child fails the test with the child's message and stack trace. Limitation: a
     * {@link PerfContext} test's code after {@code measure(...)} runs in the child only.
     */
    int forks() default -1;

    /**
     * Timeout of the whole measurement (calibration, warm-up and samples), e.g. {@code "2m"}; "" (default)
     * = unset, which means {@code 2 x maxWarmupTime + maxTime + grace} (grace: the larger of 5 s and half
     * of maxWarmupTime + maxTime, 27.5 s in all with the defaults); {@code "none"} or {@code "0"} turns it off. Key
     * {@code perf.junit.measurement.timeout}. It catches what the time caps cannot: one invocation that
     * never returns. At the deadline the measuring thread is interrupted and the test fails with a
     * {@link org.perfjunit.engine.MeasurementTimeoutException} whose cause is that thread's stack trace
     * (where it hung); a thread that ignores the interrupt is abandoned, so the build goes on. Nothing is
     * recorded for the test. A fixed {@link #warmupIterations()} count is not capped by {@link #maxWarmupTime()}:
     * give a long fixed warm-up a timeout. After a too-noisy result is re-measured, the re-measurement has a
     * derived timeout of its own (from its doubled caps).
     */
    String timeout() default "";

    /**
     * Where the measurement runs; "" = unset. Key {@code perf.junit.measurement.timeout.thread.mode}. {@code "separate"}
     * (default): on a thread of its own ({@code perf-junit-measure-<test>}), which the timeout can abandon;
     * {@code ThreadLocal}s set in {@code @BeforeEach} (or by a framework on the test thread) are not visible
     * there. {@code "same"}: on the test thread; the timeout then interrupts the test thread and fails the test
     * once the measurement returns, so code that ignores interrupts is stopped only by {@link #maxTime()},
     * which the sampler checks between batches. Thread CPU time is always that of the thread running the operation.
     */
    String threadMode() default "";
}
