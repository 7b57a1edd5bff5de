package org.perfjunit.machine;

/**
 * Service provider interface for a source of energy measurements, used for {@code @MaxEnergy}.
 * Implementations are found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/org.perfjunit.machine.EnergyMeter}, public no-argument constructor) after the
 * built-ins {@link RaplEnergyMeter} and {@link NvidiaSmiEnergyMeter}; {@link EnergyMeters} picks
 * the first available one.
 *
 * <p>Energy reported by the code under test ({@code perf.energy(joules)} on the {@code
 * PerfContext}) takes precedence over any meter: a meter is only read when the test reports none.
 *
 * <p>Thread safety: a meter is shared by all tests of a run and must be safe to call from several
 * threads; each {@link EnergyReading} is used by one thread. Meters measure a whole device
 * (CPU package, GPU), not the test's thread, so concurrent work on the machine is counted too.
 *
 * <pre>{@code
 * EnergyReading reading = meter.start();
 * runWorkload();
 * double joules = reading.stopJoules();
 * }</pre>
 */
public interface EnergyMeter {

    /** Short name used in messages and reports, e.g. {@code rapl}. */
    String name();

    /** Whether this meter can measure on this machine, or why not. Cheap enough to call once per run. */
    Availability probe();

    /**
     * Starts a measurement.
     *
     * @throws EnergyMeterException when the counters cannot be read
     */
    EnergyReading start();
}
