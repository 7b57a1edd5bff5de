package org.perfjunit.machine;

import java.util.Set;

/**
 * Service provider interface that tells whether a named piece of hardware is present, for
 * {@code @RequiresHardware}. Implementations are found with {@link java.util.ServiceLoader}: list
 * the class in {@code META-INF/services/org.perfjunit.machine.HardwareProbe}. They need a public
 * no-argument constructor and must not depend on JUnit, so a workload module can ship its own
 * probes without a test dependency.
 *
 * <p>A probe answers for fixed names ({@link #names()}) and may accept parameterized names by
 * overriding {@link #handles(String)}, e.g. {@code cores>=8}. perf-junit calls {@link #probe(String)}
 * at most once per name and test run and caches the answer. A probe must answer "absent" with a
 * reason when the hardware is missing, and throw only when it cannot tell (a crash is reported
 * as a test error, never as a skip). Probes may be called from several threads, so keep them
 * stateless or synchronized.
 *
 * <pre>{@code
 * public final class FpgaProbe implements HardwareProbe {
 *     public Set<String> names() { return Set.of("fpga"); }
 *     public ProbeResult probe(String name) {
 *         return Files.exists(Path.of("/dev/xdma0"))
 *                 ? ProbeResult.present("/dev/xdma0") : ProbeResult.absent("no /dev/xdma0");
 *     }
 * }
 * }</pre>
 */
public interface HardwareProbe {

    /**
     * The names this probe answers for, as listed in configuration errors; a parameterized
     * family is listed by its pattern, e.g. {@code cores>=<n>}.
     */
    Set<String> names();

    /** True when this probe can answer for {@code name}; defaults to membership in {@link #names()}. */
    default boolean handles(String name) {
        return names().contains(name);
    }

    /**
     * Checks for the hardware called {@code name} (one that {@link #handles(String)} accepted).
     *
     * @return present or absent, with a reason a user can act on
     * @throws Exception when the probe cannot tell; the requiring test then errors
     */
    ProbeResult probe(String name) throws Exception;
}
