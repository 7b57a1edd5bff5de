package org.perfjunit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a test or class only where the named hardware is present. Tags it {@code hardware}, so
 * {@code mvn test -DexcludedGroups=hardware} leaves all such tests out.
 *
 * <p>Each name is answered by a {@link org.perfjunit.machine.HardwareProbe} found through
 * {@code ServiceLoader}. Built in: {@code cuda}, {@code rapl}, {@code avx2}, {@code avx512f},
 * {@code fma}, {@code cores>=N}, {@code memory>=NG} / {@code memory>=NM}; the simulators module adds
 * {@code photonic-sim}, {@code loihi-sim}, {@code lightmatter-envise}, {@code loihi}. All names must
 * be present. Probes run once per test run and their answers are cached.
 *
 * <ul>
 *   <li>Missing hardware disables the test with a reason such as
 *       {@code Required hardware [cuda] not present (probe: nvidia-smi not found on PATH and no /dev/nvidia0)},
 *       or fails it when {@value #MISSING_PROPERTY_NAME}{@code =fail}.</li>
 *   <li>An unknown name is a configuration error listing the known names.</li>
 *   <li>A probe that throws makes the test error; it is never read as "absent".</li>
 * </ul>
 * Repeatable and composable: {@code @RequiresHardware("photonic-sim")} on your own
 * {@code @PhotonicBenchmark} annotation plus {@code @RequiresHardware("avx2")} on a method
 * requires both.
 *
 * <pre>{@code
 * @Test
 * @RequiresHardware({"cuda", "memory>=16G"})
 * void trainsOnGpu() { ... }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Repeatable(RequiresHardware.List.class)
@Tag("hardware")
@ExtendWith(RequiresHardwareCondition.class)
public @interface RequiresHardware {

    /**
     * Configuration key deciding what missing hardware does: {@code skip} (default, the test is
     * disabled with a reason) or {@code fail} (the test fails with the same message; use it on
     * the machine that is supposed to have the hardware).
     */
    String MISSING_PROPERTY_NAME = "perf.junit.hardware.missing";

    /** Hardware names, all of which must be present. */
    String[] value();

    /** Container for repeated {@link RequiresHardware}; every entry must be satisfied. */
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @Documented
    @Inherited
    @Tag("hardware")
    @ExtendWith(RequiresHardwareCondition.class)
    @interface List {
        /** The repeated annotations. */
        RequiresHardware[] value();
    }
}
