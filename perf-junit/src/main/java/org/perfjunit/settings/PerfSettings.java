package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.Baseline;
import org.perfjunit.ExpectComplexity;
import org.perfjunit.MaxDuration;
import org.perfjunit.MaxEnergy;
import org.perfjunit.MaxMemory;
import org.perfjunit.MinThroughput;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.engine.RunPlan;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.engine.TimeoutPolicy;
import org.perfjunit.fork.ForkSettings;
import org.perfjunit.model.MetricNames;
import org.perfjunit.verdict.Limit;
import org.perfjunit.verdict.NoisePolicy;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one performance test is configured with, resolved once before it is measured: the
 * annotations on the method, its class and enclosing classes, then the {@code perf.junit.*} keys,
 * then defaults. A configuration error surfaces here, before anything runs.
 *
 * @param mode       the run-wide switch
 * @param reportDir  where per-test result files go
 * @param sampler    how to sample
 * @param limits     the declared limits, {@code @MaxEnergy}'s included
 * @param noise      the noise gate and its reaction
 * @param targetRate invocations per second of a paced load, or NaN for unpaced sampling
 * @param timeout    the measurement timeout and thread
 * @param fork       whether and how the test runs in fresh JVMs
 * @param baseline   the baseline comparison, when {@code @Baseline} asks for one
 */
public record PerfSettings(Mode mode, Path reportDir, SamplerSettings sampler, List<Limit> limits, NoisePolicy noise,
                           double targetRate, TimeoutPolicy timeout, ForkSettings fork,
                           Optional<BaselineSettings> baseline) {

    /** The global switch, key {@value PerfConfiguration#MODE_PROPERTY_NAME}. */
    public enum Mode {
        /** Measure, judge and report (default). */
        ENABLED,
        /** Run tests once, unmeasured. */
        DISABLED,
        /** Measure and report, never fail on a gate. */
        REPORT_ONLY
    }

    public PerfSettings {
        limits = List.copyOf(limits);
    }

    /** Annotations that make every test they apply to a performance test, on the method or a class. */
    private static final List<Class<? extends Annotation>> MEASURING = List.of(Performance.class, MaxDuration.class,
            MaxMemory.class, MinThroughput.class, MaxEnergy.class, ExpectComplexity.class);

    /**
     * Whether the test method {@code context} runs is a performance test: an annotation of {@link #MEASURING}
     * applies to it, {@link Baseline} is on the method itself (on a class it only configures the class's
     * performance tests), or it takes a {@link PerfContext}.
     */
    public static boolean measured(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        AnnotationLadder annotations = AnnotationLadder.of(method, context.getRequiredTestClass());
        return MEASURING.stream().anyMatch(annotations::declares)
                || annotations.onMethod(Baseline.class).isPresent()
                || List.of(method.getParameterTypes()).contains(PerfContext.class);
    }

    /** The run-wide mode, read before anything else: a disabled run resolves nothing more. */
    public static Mode mode(ExtensionContext context) {
        return PerfConfiguration.get(context).mode;
    }

    /** The settings of the test method {@code context} runs. */
    public static PerfSettings resolve(ExtensionContext context) {
        PerfConfiguration run = PerfConfiguration.get(context);
        Method method = context.getRequiredTestMethod();
        AnnotationLadder annotations = AnnotationLadder.of(method, context.getRequiredTestClass());
        ConfigurationReader keys = new ConfigurationReader(ConfigurationKeys.parameters(context));
        SamplerSettings sampler = SamplerConfiguration.resolve(annotations, method, run.samplerDefaults);
        List<Limit> limits = LimitConfiguration.resolve(annotations, method);
        double rate = LoadConfiguration.rate(annotations, method, keys);
        TimeoutPolicy timeout = TimeoutConfiguration.resolve(annotations, method, keys);
        Optional<BaselineSettings> baseline = new BaselineConfiguration(ConfigurationKeys.parameters(context))
                .resolve(annotations, method.getName() + "()");
        ForkSettings fork = ForkConfiguration.forTest(run.fork, annotations, method);
        return new PerfSettings(run.mode, run.reportDir, sampler, limits, run.noise, rate, timeout, fork, baseline);
    }

    /** Whether a limit asks for energy ({@code @MaxEnergy}), so a meter is needed. */
    public boolean wantsEnergy() {
        return limits.stream().anyMatch(l -> l.metric().equals(MetricNames.ENERGY));
    }

    /** The engine's plan for a test called {@code identity}. */
    public RunPlan plan(RunPlan.Identity identity) {
        return new RunPlan(identity, sampler, limits, noise, targetRate, timeout);
    }

    /** The configuration parameters of a forked child JVM of this run that writes its result to {@code resultFile}. */
    public static Map<String, String> childParameters(ExtensionContext context, Path resultFile) {
        return ForkConfiguration.childParameters(ConfigurationKeys.parameters(context), resultFile);
    }
}
