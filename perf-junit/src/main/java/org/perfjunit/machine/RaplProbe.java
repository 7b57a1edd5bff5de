package org.perfjunit.machine;

import java.util.Set;

/**
 * Probe {@code rapl}: present when the RAPL energy counters under {@code /sys/class/powercap}
 * are readable by this process, i.e. when {@link RaplEnergyMeter} can measure.
 */
public final class RaplProbe implements HardwareProbe {

    private final RaplEnergyMeter meter;

    /** Probes the real powercap tree. */
    public RaplProbe() {
        this(new RaplEnergyMeter());
    }

    RaplProbe(RaplEnergyMeter meter) {
        this.meter = meter;
    }

    @Override
    public Set<String> names() {
        return Set.of("rapl");
    }

    @Override
    public ProbeResult probe(String name) {
        Availability availability = meter.probe();
        return new ProbeResult(availability.available(), availability.reason());
    }
}
