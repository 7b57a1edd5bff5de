package org.perfjunit.machine;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link EnergyMeters#select()}: the meter to use, if any, and which meters were
 * tried without success and why.
 */
public final class MeterSelection {

    private final EnergyMeter meter;
    private final String detail;
    private final List<String> unavailable;

    MeterSelection(EnergyMeter meter, String detail, List<String> unavailable) {
        this.meter = meter;
        this.detail = detail;
        this.unavailable = List.copyOf(unavailable);
    }

    /** The first available meter, or empty when none can measure here. */
    public Optional<EnergyMeter> meter() {
        return Optional.ofNullable(meter);
    }

    /** The meters probed before the selected one (or all), each as {@code name (reason)}. */
    public List<String> unavailable() {
        return unavailable;
    }

    /**
     * One line for reports and logs: {@code rapl (package-0, dram)} when a meter was selected,
     * otherwise {@code no meter: tried rapl (reason), nvidia-smi (reason)}.
     */
    public String explanation() {
        if (meter != null) {
            return meter.name() + " (" + detail + ")";
        }
        return unavailable.isEmpty() ? "no meter: none registered" : "no meter: tried " + String.join(", ", unavailable);
    }

    /**
     * Why an energy-limited test cannot be measured, for a test that reported no energy itself:
     * {@code No energy source for @MaxEnergy: the test reported no energy through PerfContext and
     * no meter: tried rapl (...), nvidia-smi (...)}.
     */
    public String skipReason() {
        return "No energy source for @MaxEnergy: the test reported no energy through PerfContext and " + explanation();
    }

    @Override
    public String toString() {
        return explanation();
    }
}
