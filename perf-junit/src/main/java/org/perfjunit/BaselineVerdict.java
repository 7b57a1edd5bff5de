package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.perfjunit.baseline.BaselineGate;
import org.perfjunit.baseline.BaselineLocator;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.BaselineStore;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.result.EnvironmentDetector;
import org.perfjunit.result.MetricNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Optional;

/**
 * JUnit glue for {@link Baseline}: resolves the settings, keeps one {@link BaselineGate} per
 * baseline directory per run, and runs the gate, or the paired
 * A/B comparison when {@link Baseline#against()} names a reference method.
 */
final class BaselineVerdict {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BaselineVerdict.class);

    private BaselineVerdict() {
    }

    /** The settings when the test (or its class, or a composed annotation) asks for a baseline. */
    static Optional<BaselineSettings> settings(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        Optional<Baseline> onMethod = AnnotationSupport.findAnnotation(method, Baseline.class);
        Optional<Baseline> onClass = Optional.empty();
        for (Class<?> c = context.getRequiredTestClass(); onClass.isEmpty() && c != null; c = c.getEnclosingClass()) {
            onClass = AnnotationSupport.findAnnotation(c, Baseline.class);
        }
        if (onMethod.isEmpty() && onClass.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BaselineConfiguration(context::getConfigurationParameter)
                .resolve(onMethod, onClass, method.getName() + "()"));
    }

    static GateResult evaluate(ExtensionContext context, MeasurementRun run, BaselineSettings settings) throws Throwable {
        if (!settings.against().isEmpty()) {
            Method reference = referenceMethod(context, settings.against());
            Object instance = context.getRequiredTestInstance();
            double[][] paired = run.measurePaired(() -> {
                try {
                    return reference.invoke(instance);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            });
            return gate(context, settings).evaluatePaired(run.record(), MetricNames.TIME, paired[1], paired[0], settings,
                    settings.against() + "()");
        }
        GateResult result = gate(context, settings).evaluate(run.record(), settings, run::remeasure);
        if (result.note() != null) {
            // information, not a verdict: shown beside the result line and kept as a report entry
            System.out.println("[perf-junit] " + result.result().id() + ": " + result.note());
            context.publishReportEntry("perf.baseline.note", result.note());
        }
        return result;
    }

    private static Method referenceMethod(ExtensionContext context, String name) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return m;
                }
            }
        }
        throw new ExtensionConfigurationException("Configuration error: @Baseline(against = \"" + name + "\") on ["
                + context.getRequiredTestMethod().getName() + "()] names no method without parameters in "
                + testClass.getSimpleName() + "; declare e.g. `Object " + name + "() { return referenceKernel(input); }`.");
    }

    private static BaselineGate gate(ExtensionContext context, BaselineSettings settings) {
        Path directory = BaselineLocator.locate(Path.of(""), settings.directory());
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(directory.toAbsolutePath().normalize(),
                k -> new BaselineGate(new BaselineStore(directory), EnvironmentDetector.detect()),
                BaselineGate.class);
    }
}
