package org.perfjunit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;
import org.perfjunit.model.Complexity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails a parameterized performance test when its time grows faster with the size parameter than
 * declared. After the last invocation, the medians per size are fitted to O(1) … O(n³)
 * ({@link org.perfjunit.stats.ComplexityFitter}); a fitted class worse than {@link #value()}
 * fails the {@code @ParameterizedTest} as a whole. A better class passes. Every parameterized
 * performance test gets the fit in its report (entry {@code perf.complexity}), with or without
 * this annotation. Needs at least 3 distinct sizes; use 5 or more spanning a factor of 16.
 * Implies {@link Performance} with its defaults, like {@link MaxDuration}: on a
 * {@code @ParameterizedTest} alone it measures every invocation (and tags it {@code performance}).
 * Read from the method, its class or an enclosing class of a {@code @Nested} test.
 *
 * <p>The decision is noise-aware: when a class within the declared bound explains the points as
 * well as the fitted worse one (an F-test on the residuals, see
 * {@link org.perfjunit.stats.ComplexityFit#fitsAsWell()}), the test passes and reports the
 * complexity as inconclusive (entry {@code perf.complexity.verdict} and a console line) instead of
 * failing: over 16K to 256K elements, log n grows by only a third, so a linear hash with 10% noise
 * per size can fit O(n log n) best by chance. A quadratic regression is far outside that noise and
 * still fails.
 *
 * <p>Measure only the work that scales: build each size's input outside the measured region (in a
 * {@code @BeforeEach}, a field initialized per invocation, or before {@code perf.measure(...)}), so
 * allocation and setup do not bend the curve, and prefer {@code metric = "cpu_time"} on shared machines.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValueSource(ints = {1_000, 2_000, 4_000, 8_000, 16_000, 32_000})
 * @ExpectComplexity(Complexity.O_N_LOG_N)
 * void sorts(int n) { Arrays.sort(randomInts(n)); }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface ExpectComplexity {

    /** The worst acceptable growth class. */
    Complexity value();

    /**
     * Index of the size argument among the test method's parameters; {@code -1} (default) means
     * the first {@code int}/{@code long}/{@code short}/{@code byte} (or boxed) parameter.
     */
    int parameter() default -1;

    /**
     * The fitted metric: {@code "time"} (wall time, the default) or {@code "cpu_time"} (CPU time of
     * the measuring thread). The sizes are measured one after another, so load from other processes
     * that changes between them bends a wall-time curve; CPU time is far less sensitive to it, and
     * is the better choice for single-threaded code on a shared machine.
     */
    String metric() default "time";
}
