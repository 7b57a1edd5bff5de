package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.RequiresHardware;
import org.perfjunit.machine.HardwareProbeException;
import org.perfjunit.machine.HardwareProbes;
import org.perfjunit.machine.ProbeResult;
import org.perfjunit.settings.ElementName;
import org.perfjunit.settings.HardwareConfiguration;
import org.perfjunit.settings.MissingHardwareMode;

import java.lang.reflect.AnnotatedElement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The decision of {@link RequiresHardware} for one element: open, missing (with the mode to apply) or
 * an error to throw. Thread-safe: all state is in the root store, and {@link HardwareProbes} probes
 * each name once.
 *
 * @param message  why the gate is open or closed
 * @param required the names the element requires
 * @param absent   reason by missing name
 * @param error    a configuration or probe error to throw, or null
 * @param mode     what missing hardware does, or null when nothing is missing
 */
public record HardwareGate(String message, Set<String> required, Map<String, String> absent, RuntimeException error,
                           MissingHardwareMode mode) {

    private static final Namespace NAMESPACE = Namespace.create(HardwareGate.class);

    /** Whether the gate only disables the element (skip mode), rather than failing it. */
    public boolean skips() {
        return missing() && error == null && mode == MissingHardwareMode.SKIP;
    }

    /** Throws the gate's error, or fails when hardware is missing; an open gate does nothing. */
    public void enforce() {
        if (error != null) {
            throw error;
        }
        if (missing()) {
            throw new AssertionFailedError(message, "present: " + required, "absent: " + absent);
        }
    }

    /** Evaluates the {@link RequiresHardware} annotations directly on {@code element} (none: an open gate). */
    public static HardwareGate of(ExtensionContext context, AnnotatedElement element) {
        Set<String> names = HardwareConfiguration.requiredBy(element);
        if (names.isEmpty()) {
            return new HardwareGate("no @RequiresHardware", names, Map.of(), null, null);
        }
        try {
            HardwareProbes probes = probes(context);
            Map<String, String> absent = new LinkedHashMap<>();
            for (String name : names) {
                if (probes.find(name).isEmpty()) {
                    return error(names, unknownName(element, name, probes));
                }
                ProbeResult result = probes.probe(name);
                if (!result.present()) {
                    absent.put(name, result.reason());
                }
            }
            if (absent.isEmpty()) {
                return new HardwareGate("Required hardware " + names + " present", names, absent, null, null);
            }
            return new HardwareGate(missingMessage(absent), names, absent, null, mode(context));
        } catch (ExtensionConfigurationException | HardwareProbeException e) {
            return error(names, e);
        }
    }

    /** {@code Required hardware [cuda] not present (probe: nvidia-smi not found)}; several are named per reason. */
    private static String missingMessage(Map<String, String> absent) {
        String reasons = absent.size() == 1
                ? "probe: " + absent.values().iterator().next()
                : absent.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
        return "Required hardware " + absent.keySet() + " not present (" + reasons + ")";
    }

    private static ExtensionConfigurationException unknownName(AnnotatedElement element, String name, HardwareProbes probes) {
        return new ExtensionConfigurationException("Configuration error: @RequiresHardware on ["
                + ElementName.of(element) + "] names unknown hardware [" + name + "]; known names: "
                + probes.knownNames() + ". Fix the name or register a org.perfjunit.machine.HardwareProbe"
                + " in META-INF/services.");
    }

    private static HardwareProbes probes(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(HardwareProbes.class, k -> HardwareProbes.load(), HardwareProbes.class);
    }

    private static MissingHardwareMode mode(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(MissingHardwareMode.class,
                k -> HardwareConfiguration.missingMode(context::getConfigurationParameter),
                MissingHardwareMode.class);
    }

    private static HardwareGate error(Set<String> names, RuntimeException error) {
        return new HardwareGate(error.getMessage(), names, Map.of(), error, null);
    }

    private boolean missing() {
        return !absent.isEmpty();
    }
}
