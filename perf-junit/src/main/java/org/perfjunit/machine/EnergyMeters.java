package org.perfjunit.machine;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Chooses the energy meter for a run: the first of the registered meters whose
 * {@link EnergyMeter#probe()} says it is available. Registered means listed in {@code
 * META-INF/services/org.perfjunit.machine.EnergyMeter}; perf-junit lists {@code rapl} then
 * {@code nvidia-smi}, and class-path order decides where other providers go.
 *
 * <p>Precedence, for the extension: energy the test reports itself ({@code perf.energy(joules)})
 * wins; otherwise the {@link MeterSelection#meter() selected meter} measures; when neither
 * exists the test is skipped with {@link MeterSelection#skipReason()}. Probe once per run and
 * keep the {@link MeterSelection}.
 *
 * <pre>{@code
 * MeterSelection selection = EnergyMeters.load().select();
 * if (!codeReportedEnergy && selection.meter().isEmpty()) skip(selection.skipReason());
 * }</pre>
 */
public final class EnergyMeters {

    private final List<EnergyMeter> meters;

    /** Chooses among exactly these meters, in this order. */
    public EnergyMeters(List<EnergyMeter> meters) {
        this.meters = List.copyOf(meters);
    }

    /** The meters registered through {@link ServiceLoader} on the thread's context class loader. */
    public static EnergyMeters load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new EnergyMeters(ServiceLoader.load(EnergyMeter.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /**
     * Probes the meters in order and stops at the first available one. A meter whose probe throws
     * counts as unavailable, with the exception as its reason (a meter is an optional source; the
     * skip message still names it).
     */
    public MeterSelection select() {
        List<String> tried = new ArrayList<>();
        for (EnergyMeter meter : meters) {
            Availability availability;
            try {
                availability = meter.probe();
            } catch (RuntimeException e) {
                availability = Availability.unavailable("probe failed: " + e);
            }
            if (availability.available()) {
                return new MeterSelection(meter, availability.reason(), tried);
            }
            tried.add(meter.name() + " (" + availability.reason() + ")");
        }
        return new MeterSelection(null, null, tried);
    }
}
