package org.perfjunit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fails the test when memory exceeds the limit. {@link MemoryKind#ALLOCATED} (default) limits
 * the median bytes allocated per invocation; {@link MemoryKind#PEAK_HEAP} the heap pools' peak
 * during measurement; {@link MemoryKind#RETAINED} the JOL deep size of the object returned by
 * {@link PerfContext#measure}. Implies {@link Performance}. Repeatable, one per kind.
 *
 * <pre>{@code @MaxMemory(value = 64, unit = MemoryUnit.MIB, kind = MemoryKind.PEAK_HEAP)}</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(MaxMemory.List.class)
@Tag("performance")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface MaxMemory {

    /** The limit, zero or positive (zero asserts an allocation-free operation). */
    double value();

    /** Unit of {@link #value()}; default bytes. */
    MemoryUnit unit() default MemoryUnit.BYTES;

    /** What is limited; default bytes allocated per invocation. */
    MemoryKind kind() default MemoryKind.ALLOCATED;

    /** Container of repeated {@code @MaxMemory}. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @Tag("performance")
    @ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
    @interface List {
        MaxMemory[] value();
    }
}
