package org.perfjunit;

import org.junit.jupiter.api.Tag;
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
import java.util.concurrent.TimeUnit;

/**
 * Fails the test when the median throughput falls below the limit: operations per time unit, or,
 * with {@link #counter()}, units of a counter reported through {@link PerfContext#counter} per
 * time unit (tokens/s, MACs/s, images/s). With several {@link Performance#threads() threads},
 * throughput is the total across threads. Implies {@link Performance}.
 *
 * <pre>{@code @MinThroughput(value = 50, per = TimeUnit.SECONDS, counter = "tokens")}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface MinThroughput {

    /** The minimum, positive. */
    double value();

    /** Time unit of the rate; default seconds. */
    TimeUnit per() default TimeUnit.SECONDS;

    /** Counter whose rate is limited; "" (default) = operations. */
    String counter() default "";
}
