package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.ExpectComplexity;
import org.perfjunit.model.MetricNames;

import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Reads {@link ExpectComplexity} for a parameterized performance test: method > class > enclosing
 * classes, like every other annotation.
 */
public final class ComplexityConfiguration {

    private ComplexityConfiguration() {
    }

    /** The expectation on the method, its class or an enclosing class. */
    public static Optional<ExpectComplexity> expectation(Method method, Class<?> testClass) {
        return AnnotationLadder.of(method, testClass).nearest(ExpectComplexity.class);
    }

    /** The index of the size parameter {@link ExpectComplexity#parameter()} names, or -1 for the first integral one. */
    public static int sizeParameter(Method method, Class<?> testClass) {
        return expectation(method, testClass).map(ExpectComplexity::parameter).orElse(-1);
    }

    /** The metric the complexity fit uses: {@code time} or {@code cpu_time}. */
    public static String fittedMetric(Method method, Class<?> testClass) {
        String metric = expectation(method, testClass).map(ExpectComplexity::metric).orElse(MetricNames.TIME);
        if (!metric.equals(MetricNames.TIME) && !metric.equals(MetricNames.CPU_TIME)) {
            throw new ExtensionConfigurationException("Configuration error: @ExpectComplexity(metric = \"" + metric
                    + "\") on [" + ElementName.of(method) + "] is not a fitted metric; use \"time\" (wall time) or "
                    + "\"cpu_time\" (CPU time of the measuring thread).");
        }
        return metric;
    }
}
