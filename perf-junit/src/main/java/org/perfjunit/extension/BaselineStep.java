package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.Baseline;
import org.perfjunit.baseline.BaselineGate;
import org.perfjunit.baseline.BaselineLocator;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.BaselineStore;
import org.perfjunit.baseline.CalibrationWorkload;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.model.EnvironmentDetector;
import org.perfjunit.model.MetricNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;

/**
 * The gate step of a test's flow, for {@link Baseline}: keeps one {@link BaselineGate} per
 * baseline directory per run (with this run's calibration time), and runs the gate, or the paired
 * A/B comparison when {@link Baseline#against()} names a reference method.
 */
final class BaselineStep {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BaselineStep.class);

    private BaselineStep() {
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
        return gate(context, settings).evaluate(run.record(), settings, run::remeasure);
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
        Double calibration = store.getOrComputeIfAbsent("calibration",
                k -> new CalibrationWorkload().measureNanos(), Double.class);
        return store.getOrComputeIfAbsent(directory.toAbsolutePath().normalize(),
                k -> new BaselineGate(new BaselineStore(directory), EnvironmentDetector.detect(), calibration),
                BaselineGate.class);
    }
}
