package org.perfjunit;

import org.perfjunit.settings.ElementName;
import org.perfjunit.settings.MissingHardwareMode;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.machine.HardwareProbeException;
import org.perfjunit.machine.HardwareProbes;
import org.perfjunit.machine.ProbeResult;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Implements {@link RequiresHardware}. The condition only disables (skip mode); errors (unknown
 * names, crashing probes, bad configuration) and fail-mode failures are thrown from the
 * before-callbacks instead, because JUnit would wrap an exception thrown by a condition in a
 * generic "Failed to evaluate condition" error. Each context checks only its own element's
 * annotations: the class in its container context, the method in the method's. Thread-safe:
 * all state is in the root store, and {@link HardwareProbes} probes each name once.
 */
final class RequiresHardwareCondition implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(RequiresHardwareCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Gate gate = gate(context, context.getElement().orElse(null));
        if (gate.missing() && gate.error() == null && gate.mode() == MissingHardwareMode.SKIP) {
            return ConditionEvaluationResult.disabled(gate.message());
        }
        return ConditionEvaluationResult.enabled(gate.message());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        enforce(gate(context, context.getRequiredTestClass()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        enforce(gate(context, context.getRequiredTestMethod()));
    }

    private static void enforce(Gate gate) {
        if (gate.error() != null) {
            throw gate.error();
        }
        if (gate.missing()) {
            throw new AssertionFailedError(gate.message(), "present: " + gate.required(), "absent: " + gate.absent());
        }
    }

    /** Evaluates the {@link RequiresHardware} annotations directly on {@code element} (none: an open gate). */
    private static Gate gate(ExtensionContext context, AnnotatedElement element) {
        Set<String> names = new LinkedHashSet<>();
        if (element != null) {
            AnnotationSupport.findRepeatableAnnotations(element, RequiresHardware.class)
                    .forEach(a -> names.addAll(Arrays.asList(a.value())));
        }
        if (names.isEmpty()) {
            return new Gate("no @RequiresHardware", names, Map.of(), null, null);
        }
        try {
            HardwareProbes probes = probes(context);
            Map<String, String> absent = new LinkedHashMap<>();
            for (String name : names) {
                if (probes.find(name).isEmpty()) {
                    return Gate.error(names, unknownName(element, name, probes));
                }
                ProbeResult result = probes.probe(name);
                if (!result.present()) {
                    absent.put(name, result.reason());
                }
            }
            if (absent.isEmpty()) {
                return new Gate("Required hardware " + names + " present", names, absent, null, null);
            }
            return new Gate(missingMessage(absent), names, absent, null, mode(context));
        } catch (ExtensionConfigurationException | HardwareProbeException e) {
            return Gate.error(names, e);
        }
    }

    /** {@code Required hardware [cuda] not present (probe: nvidia-smi not found)}; several are named per reason. */
    static String missingMessage(Map<String, String> absent) {
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
                k -> MissingHardwareMode.parse(context.getConfigurationParameter(RequiresHardware.MISSING_PROPERTY_NAME)),
                MissingHardwareMode.class);
    }

    /** The verdict for one element: open, missing (with the mode to apply) or an error to throw. */
    private record Gate(String message, Set<String> required, Map<String, String> absent,
            RuntimeException error, MissingHardwareMode mode) {

        static Gate error(Set<String> names, RuntimeException error) {
            return new Gate(error.getMessage(), names, Map.of(), error, null);
        }

        boolean missing() {
            return !absent.isEmpty();
        }
    }
}
