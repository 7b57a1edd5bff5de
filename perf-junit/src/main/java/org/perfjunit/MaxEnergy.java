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

/**
 * Fails a performance test whose median energy per operation exceeds a limit. Tags the test
 * {@code energy}, so {@code mvn test -Dgroups=energy} runs just these.
 *
 * <p>Energy comes from the code under test when it reports it ({@code perf.energy(joules)} on
 * the {@code PerfContext}, e.g. a simulator's energy model); otherwise from the first available
 * {@link org.perfjunit.machine.EnergyMeter} (RAPL powercap counters, {@code nvidia-smi}). When
 * neither exists the test is skipped with a reason naming the meters tried, never passed.
 * Implies {@link Performance} with its defaults, like {@link MaxDuration}: {@code @Test @MaxEnergy(5)}
 * alone measures the test (and tags it {@code performance} too).
 *
 * <pre>{@code
 * @Test
 * @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
 * void infersOneImage(PerfContext perf) { perf.energy(chip.run(image).joules()); }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("performance")
@Tag("energy")
@ExtendWith(PerformanceExtension.class)
@ResourceLock(value = Resources.GLOBAL, mode = ResourceAccessMode.READ_WRITE)
public @interface MaxEnergy {

    /** The limit, positive and finite, in {@link #unit()}. */
    double value();

    /** The unit of {@link #value()}; joules by default. */
    EnergyUnit unit() default EnergyUnit.JOULES;
}
