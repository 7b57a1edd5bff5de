package org.perfjunit.machine;

/** One running energy measurement, started by {@link EnergyMeter#start()}; single use, one thread. */
@FunctionalInterface
public interface EnergyReading {

    /**
     * Ends the measurement.
     *
     * @return joules consumed since {@link EnergyMeter#start()}, non-negative
     * @throws EnergyMeterException when the counters cannot be read
     */
    double stopJoules();
}
