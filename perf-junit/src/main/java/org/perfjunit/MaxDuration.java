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
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

/**
 * Fails the test when the chosen statistic of the time per operation exceeds the limit:
 * {@code p95 duration [128.4 ms] exceeded @MaxDuration [100 ms] over [40] samples (28% over the limit)}.
 * Implies {@link Performance} with its defaults. Repeatable, e.g. a median and a p99 limit.
 * A method-level annotation replaces class-level ones.
 *
 * <pre>{@code @MaxDuration(value = 2, unit = TimeUnit.SECONDS, statistic = Statistic.P95)}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(MaxDuration.List.class)
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface MaxDuration {

    /** The limit, positive. */
    double value();

    /** Unit of {@link #value()}; default milliseconds. */
    TimeUnit unit() default TimeUnit.MILLISECONDS;

    /** Statistic compared with the limit; default median. */
    Statistic statistic() default Statistic.MEDIAN;

    /** Container of repeated {@code @MaxDuration}. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @Tag("performance")
    @ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
    @interface List {
        MaxDuration[] value();
    }
}
