package org.perfjunit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

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
 * <p>Performance tests are serialized with a resource lock ({@code perf-junit.measurement}) so that
 * under JUnit parallel execution they do not measure each other's load.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
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

    /** Threads invoking the operation concurrently (load test); -1 = unset, default 1. Key {@code perf.junit.measurement.threads}. */
    int threads() default -1;
}
