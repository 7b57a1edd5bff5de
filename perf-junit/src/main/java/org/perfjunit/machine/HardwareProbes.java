package org.perfjunit.machine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The probes of one test run with their cached answers: each hardware name is probed at most
 * once, also under parallel execution. A probe's crash is cached too, so every test requiring
 * that hardware errors the same way. No JUnit types, so other runners can reuse it.
 */
public final class HardwareProbes {

    private final List<HardwareProbe> probes;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

    /** Uses exactly the given probes, first match wins. */
    public HardwareProbes(List<HardwareProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    /** The probes registered through {@link ServiceLoader} on the thread's context class loader. */
    public static HardwareProbes load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return new HardwareProbes(ServiceLoader.load(HardwareProbe.class, loader).stream()
                .map(ServiceLoader.Provider::get).toList());
    }

    /** The probe answering for {@code name}, if any. */
    public Optional<HardwareProbe> find(String name) {
        return probes.stream().filter(p -> p.handles(name)).findFirst();
    }

    /** All names (and name patterns) the probes answer for, sorted. */
    public List<String> knownNames() {
        TreeSet<String> names = new TreeSet<>();
        probes.forEach(p -> names.addAll(p.names()));
        return List.copyOf(names);
    }

    /**
     * The cached answer for {@code name}, probing on first use.
     *
     * @throws IllegalArgumentException when no probe handles {@code name}
     * @throws HardwareProbeException   when the probe threw (now or on first use)
     */
    public ProbeResult probe(String name) {
        HardwareProbe probe = find(name)
                .orElseThrow(() -> new IllegalArgumentException("no hardware probe handles [" + name + "]"));
        Outcome outcome = outcomes.computeIfAbsent(name, n -> run(probe, n));
        if (outcome.failure != null) {
            throw outcome.failure;
        }
        return outcome.result;
    }

    private static Outcome run(HardwareProbe probe, String name) {
        try {
            ProbeResult result = probe.probe(name);
            if (result == null) {
                throw new IllegalStateException("probe returned null");
            }
            return new Outcome(result, null);
        } catch (Exception | LinkageError e) {
            return new Outcome(null, new HardwareProbeException("Hardware probe [" + name + "] ("
                    + probe.getClass().getName() + ") failed: " + e, e));
        }
    }

    /** Either a result or the failure to rethrow. */
    private record Outcome(ProbeResult result, HardwareProbeException failure) {
    }
}
