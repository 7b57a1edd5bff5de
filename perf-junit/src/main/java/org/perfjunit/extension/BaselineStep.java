package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.Baseline;
import org.perfjunit.baseline.BaselineGate;
import org.perfjunit.baseline.BaselineLocator;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.BaselineStore;
import org.perfjunit.baseline.GateResult;
import org.perfjunit.engine.BodyOperation;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.engine.Operation;
import org.perfjunit.fork.ChildPlacement;
import org.perfjunit.fork.ForkSettings;
import org.perfjunit.model.EnvironmentDetector;
import org.perfjunit.model.MetricNames;
import org.perfjunit.settings.RevisionConfiguration;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The gate step of a test's flow, for {@link Baseline}: keeps one {@link BaselineGate} per
 * baseline directory per run, and runs the gate, or the paired A/B comparison when
 * {@link Baseline#against()} names a reference method or a base revision is configured ({@link RevisionStep}).
 */
final class BaselineStep {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(BaselineStep.class);

    private BaselineStep() {
    }

    /**
     * The verdict of {@code run}: paired against {@link Baseline#against()}, paired against the base revision
     * ({@value RevisionConfiguration#REVISION_PROPERTY_NAME}, see {@link RevisionStep}), or from the store.
     *
     * @param arguments the test method's arguments, handed to the base revision's method
     * @param fork      how the test was measured: in forked JVMs there is no operation here to pair, and the fresh
     *                  JVMs that confirm a failing stored verdict are started as its forks were
     * @param writes    receives the store write the verdict calls for, to run once the whole test passed
     */
    static GateResult evaluate(ExtensionContext context, MeasurementRun run, BaselineSettings settings,
                               List<Object> arguments, ForkSettings fork, Consumer<Runnable> writes) throws Throwable {
        boolean forked = fork.forks() > 0;
        if (!settings.against().isEmpty()) {
            BaselineGate gate = gate(context, settings);
            Function<double[][], GateResult> judge = pairs -> gate.evaluatePaired(run.record(), MetricNames.TIME,
                    pairs[1], pairs[0], settings, settings.against() + "()", settings.maxRatio());
            return judge.apply(run.measurePaired(reference(context, settings.against()),
                    pairs -> judge.apply(pairs).decided()));
        }
        Optional<String> revision = RevisionConfiguration.ref(context);
        if (revision.isPresent()) {
            if (forked) {
                throw new ExtensionConfigurationException("Configuration error: revision A/B ["
                        + RevisionConfiguration.REVISION_PROPERTY_NAME + "=" + revision.get() + "] pairs both revisions in"
                        + " this JVM, so [" + context.getRequiredTestMethod().getName() + "()] cannot run in forked JVMs;"
                        + " drop forks for this run.");
            }
            return RevisionStep.evaluate(context, run, settings, revision.get(), arguments, () -> gate(context, settings));
        }
        GateResult result = gate(context, settings).evaluate(run.record(), settings, run::remeasure,
                freshJvms(context, run, fork), writes);
        if (result.note() != null) {
            // information, not a verdict: shown beside the result line and kept as a report entry
            System.out.println("[perf-junit] " + result.result().id() + ": " + result.note());
            context.publishReportEntry("perf.baseline.note", result.note());
        }
        return result;
    }

    /**
     * Fresh JVMs for {@link BaselineGate.FreshJvms}, started one after another while this run holds the measurement
     * lock: as the test's own forks if it ran in forks, else with this JVM's arguments, so they stand in for it.
     * Says on standard output why the test takes longer. A JVM that fails, aborts or times out ends the
     * confirmation (the verdict stands, saying so).
     */
    private static BaselineGate.FreshJvms freshJvms(ExtensionContext context, MeasurementRun run, ForkSettings fork) {
        return (count, verdict) -> {
            List<ChildPlacement> placements = ChildPlacement.spread(count);
            System.out.println("[perf-junit] " + run.record().id() + ": " + verdict + "; measuring in " + count
                    + " fresh JVMs" + ChildPlacement.describe(placements) + " before failing the test");
            ForkSettings children = fork.forks() > 0 ? fork : fork.inheriting(ForkSettings.thisJvmArguments());
            try {
                return run.exclusively(() -> ForkedMeasurement.each(context, children, placements));
            } catch (Exception | AssertionError e) {
                throw new IllegalStateException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
        };
    }

    /** The reference named by {@code against}: a method without parameters, or a {@code Supplier}/{@code Callable} field. */
    private static Operation reference(ExtensionContext context, String name) {
        Class<?> testClass = context.getRequiredTestClass();
        Object instance = context.getRequiredTestInstance();
        for (Class<?> c = testClass; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 0) {
                    m.setAccessible(true);
                    return BodyOperation.of(m, instance, new Object[0]); // inlinable, as the test's own body
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (f.getName().equals(name)) {
                    return fieldReference(context, f, instance);
                }
            }
        }
        throw new ExtensionConfigurationException("Configuration error: @Baseline(against = \"" + name + "\") on ["
                + context.getRequiredTestMethod().getName() + "()] names no method without parameters and no "
                + "Supplier field in " + testClass.getSimpleName() + "; declare e.g. `Object " + name
                + "() { return referenceKernel(input); }` or `Supplier<Object> " + name
                + " = () -> referenceKernel(input);`.");
    }

    private static Operation fieldReference(ExtensionContext context, Field field, Object instance) {
        Object value;
        try {
            field.setAccessible(true);
            value = field.get(Modifier.isStatic(field.getModifiers()) ? null : instance);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("Configuration error: @Baseline(against = \"" + field.getName()
                    + "\"): the field cannot be read (" + e + ").", e);
        }
        if (value instanceof Supplier<?> supplier) {
            return supplier::get;
        }
        if (value instanceof Callable<?> callable) {
            return callable::call;
        }
        throw new ExtensionConfigurationException("Configuration error: @Baseline(against = \"" + field.getName()
                + "\") on [" + context.getRequiredTestMethod().getName() + "()] names a field holding ["
                + (value == null ? "null" : value.getClass().getName()) + "]; the field must hold a "
                + "java.util.function.Supplier or a java.util.concurrent.Callable.");
    }

    private static BaselineGate gate(ExtensionContext context, BaselineSettings settings) {
        Path directory = BaselineLocator.locate(Path.of(""), settings.directory());
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        return store.getOrComputeIfAbsent(directory.toAbsolutePath().normalize(),
                k -> new BaselineGate(new BaselineStore(directory), EnvironmentDetector.detect()),
                BaselineGate.class);
    }
}
