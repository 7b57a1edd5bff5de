package org.perfjunit.extension;

import org.perfjunit.ExpectComplexity;
import org.perfjunit.model.Complexity;
import org.perfjunit.settings.ComplexityConfiguration;
import org.perfjunit.settings.ElementName;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.opentest4j.AssertionFailedError;
import org.perfjunit.model.MetricNames;
import org.perfjunit.stats.ComplexityFit;
import org.perfjunit.stats.ComplexityFitter;
import org.perfjunit.stats.ScalingEfficiency;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects (size, median time, threads) of each invocation of a parameterized performance test
 * and, when JUnit closes the test template's store after the last invocation, fits the growth,
 * publishes it and enforces {@link ExpectComplexity}. An exception from {@link #close()} is
 * reported by JUnit as the failure of the {@code @ParameterizedTest} container; this relies on
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled} (default true). JUnit 5.14
 * reports an {@link AssertionError} from close as is, but wraps an {@link Exception} (here the
 * too-few-sizes configuration error) in {@code JUnitException("Failed to close extension context")}.
 *
 * <p>Hook for the performance extension, after each measured invocation:
 * {@code ScalingRecorder.forTemplate(context).record(size, medianNanos, threads)} with the size
 * from {@link #sizeArgument(Method, List)}.
 */
final class ScalingRecorder implements AutoCloseable {

    /** Report entry key of the fitted class; {@code .coefficient}, {@code .r2}, {@code .fit} keys accompany it. */
    static final String COMPLEXITY_KEY = "perf.complexity";
    /** Report entry key of the scaling efficiency over thread counts. */
    static final String SCALING_KEY = "perf.scaling";

    private static final Namespace NAMESPACE = Namespace.create(ScalingRecorder.class);
    private static final Set<Class<?>> INTEGRAL = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class);

    private final ExtensionContext template;
    private final List<double[]> points = new ArrayList<>();
    private ComplexityFit fit;
    private ScalingEfficiency scaling;

    private ScalingRecorder(ExtensionContext template) {
        this.template = template;
    }

    /** The recorder of the test template that {@code invocationContext} is an invocation of. */
    static ScalingRecorder forTemplate(ExtensionContext invocationContext) {
        ExtensionContext template = invocationContext.getParent()
                .filter(p -> p.getTestMethod().isPresent())
                .orElseThrow(() -> new IllegalArgumentException(
                        "not an invocation of a test template: " + invocationContext.getUniqueId()));
        return template.getStore(NAMESPACE)
                .getOrComputeIfAbsent(ScalingRecorder.class, k -> new ScalingRecorder(template), ScalingRecorder.class);
    }

    /**
     * The size argument of an invocation: the parameter {@link ExpectComplexity#parameter()} names,
     * else the first integral parameter; empty when there is none (no complexity fit then).
     */
    static OptionalLong sizeArgument(Method method, List<Object> arguments) {
        int index = ComplexityConfiguration.sizeParameter(method, method.getDeclaringClass());
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < Math.min(types.length, arguments.size()); i++) {
            boolean chosen = index >= 0 ? i == index : INTEGRAL.contains(types[i]);
            if (chosen && arguments.get(i) instanceof Number n) {
                return OptionalLong.of(n.longValue());
            }
        }
        return OptionalLong.empty();
    }

    /**
     * Records one invocation.
     *
     * @param size        the size argument; below 1 means "no size" (used for thread scaling only)
     * @param medianNanos the invocation's median time per operation
     * @param threads     threads the invocation ran with
     */
    synchronized void record(long size, double medianNanos, int threads) {
        record(size, medianNanos, threads, medianNanos);
    }

    /**
     * Records one invocation whose complexity fit uses {@code fittedNanos} (the metric
     * {@link ExpectComplexity#metric()} names) while thread scaling uses the wall time.
     */
    synchronized void record(long size, double medianNanos, int threads, double fittedNanos) {
        points.add(new double[] {size, medianNanos, threads, fittedNanos});
    }

    /** The metric the complexity fit of {@code method} uses: {@code time} or {@code cpu_time}. */
    static String fittedMetric(Method method) {
        return ComplexityConfiguration.fittedMetric(method, method.getDeclaringClass());
    }

    /** The fit, available after {@link #close()} when at least 3 distinct sizes were recorded. */
    synchronized Optional<ComplexityFit> fit() {
        return Optional.ofNullable(fit);
    }

    /** Scaling over thread counts, available after {@link #close()} when two or more counts were recorded. */
    synchronized Optional<ScalingEfficiency> scaling() {
        return Optional.ofNullable(scaling);
    }

    @Override
    public synchronized void close() {
        if (points.isEmpty()) {
            return;
        }
        scaling = scalingOverThreads();
        if (scaling != null) {
            template.publishReportEntry(SCALING_KEY, scaling.description());
        }
        Optional<ExpectComplexity> expected = ComplexityConfiguration.expectation(template.getRequiredTestMethod(), template.getRequiredTestClass());
        Map<Double, List<Double>> bySize = timesBySizeAtFewestThreads();
        if (bySize.size() < ComplexityFitter.MIN_SIZES) {
            if (expected.isPresent()) {
                throw new ExtensionConfigurationException("Configuration error: @ExpectComplexity on ["
                        + ElementName.of(template.getRequiredTestMethod()) + "] needs at least ["
                        + ComplexityFitter.MIN_SIZES + "] distinct sizes with a measurement, got [" + bySize.size()
                        + "]; invocations that failed or were skipped record none, so fix those first, or add sizes "
                        + "to the parameter source.");
            }
            return;
        }
        double[] sizes = bySize.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        double[] times = bySize.values().stream().mapToDouble(ScalingRecorder::median).toArray();
        fit = ComplexityFitter.fit(sizes, times);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(COMPLEXITY_KEY, fit.complexity().label());
        entry.put(COMPLEXITY_KEY + ".coefficient", String.format(Locale.ROOT, "%.6g", fit.coefficient()));
        entry.put(COMPLEXITY_KEY + ".r2", String.format(Locale.ROOT, "%.4f", fit.rSquared()));
        entry.put(COMPLEXITY_KEY + ".fit", fit.description());
        template.publishReportEntry(entry);
        if (expected.isPresent() && fit.complexity().isWorseThan(expected.get().value())) {
            Complexity declared = expected.get().value();
            if (fit.consistentWith(declared)) {
                // the points cannot tell the classes apart: not evidence of superlinear growth
                String note = "complexity inconclusive: the fit prefers [" + fit.complexity().label() + "] but ["
                        + declared.label() + "] or better explains the " + sizes.length + " sizes as well within "
                        + "their noise (fits as well: " + fit.fitsAsWell().stream().map(Complexity::label).toList()
                        + "; fit " + fit.description() + "); widen the size range or lower the noise to decide";
                template.publishReportEntry(COMPLEXITY_KEY + ".verdict", note);
                System.out.println("[perf-junit] " + ElementName.of(template.getRequiredTestMethod()) + ": " + note);
                return;
            }
            throw new AssertionFailedError("measured growth [" + fit.complexity().label() + "] is worse than @ExpectComplexity ["
                    + declared.label() + "] over [" + sizes.length + "] sizes (fit " + fit.description() + ")",
                    declared.label(), fit.complexity().label());
        }
    }

    /**
     * The fitted metric's medians by size, at the fewest threads recorded: complexity is fitted at one
     * thread count, the smallest, so thread scaling does not blur it.
     */
    private Map<Double, List<Double>> timesBySizeAtFewestThreads() {
        double fewest = points.stream().mapToDouble(p -> p[2]).min().orElse(1);
        Map<Double, List<Double>> bySize = new TreeMap<>();
        points.stream().filter(p -> p[0] >= 1 && p[2] == fewest)
                .forEach(p -> bySize.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p[3]));
        return bySize;
    }

    /** Efficiency at the largest size measured with two or more thread counts, or null. */
    private ScalingEfficiency scalingOverThreads() {
        Map<Double, Map<Integer, List<Double>>> bySize = new TreeMap<>();
        points.forEach(p -> bySize.computeIfAbsent(p[0], k -> new TreeMap<>())
                .computeIfAbsent((int) p[2], k -> new ArrayList<>()).add(p[1]));
        ScalingEfficiency result = null;
        for (Map<Integer, List<Double>> byThreads : bySize.values()) {
            if (byThreads.size() >= 2) {
                Map<Integer, Double> medians = new TreeMap<>();
                byThreads.forEach((t, times) -> medians.put(t, median(times)));
                result = ScalingEfficiency.of(medians);
            }
        }
        return result;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
