package org.perfjunit.settings;

import org.perfjunit.Performance;
import org.perfjunit.RequiresHardware;
import org.perfjunit.fork.ForkSettings;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Whether and how a test runs in a fresh JVM ({@link Performance#forks()}): method annotation >
 * class (and enclosing classes) > key {@value #FORK_PROPERTY_NAME} > in this JVM; and which keys a
 * child JVM is given.
 */
final class ForkConfiguration {

    /** {@value}: {@code true} runs every performance test in a fresh JVM; default {@code false}. */
    static final String FORK_PROPERTY_NAME = "perf.junit.fork";
    /** {@value}: extra JVM arguments of forked JVMs, separated by spaces, e.g. {@code -Xmx1g -XX:+UseParallelGC}. */
    static final String JVM_ARGS_PROPERTY_NAME = "perf.junit.fork.jvm.args";
    /** {@value}: how long a forked JVM may run before it is killed and the test fails; default {@code 5m}. */
    static final String TIMEOUT_PROPERTY_NAME = "perf.junit.fork.timeout";
    /**
     * {@value}: set by the parent in a forked JVM only: the file the child writes its result to.
     * Its presence means "measure here, never fork again".
     */
    static final String CHILD_RESULT_PROPERTY_NAME = "perf.junit.fork.child.result";

    /** Classes whose {@code perf.junit.*} key constants are forwarded to the child. */
    private static final List<Class<?>> KEY_HOLDERS = List.of(PerfConfiguration.class, NoiseConfiguration.class,
            LoadConfiguration.class, ForkConfiguration.class, RequiresHardware.class, ReportConfiguration.class);

    private ForkConfiguration() {
    }

    /** The run-wide fork settings: {@code forks} is 1 when {@value #FORK_PROPERTY_NAME} is true, 0 otherwise. */
    static ForkSettings runWide(ConfigurationReader r) {
        List<String> args = r.text(JVM_ARGS_PROPERTY_NAME)
                .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
        Path child = r.text(CHILD_RESULT_PROPERTY_NAME).map(Path::of).orElse(null);
        int byDefault = r.bool(FORK_PROPERTY_NAME, false) ? 1 : 0;
        return new ForkSettings(byDefault, args, r.positiveDuration(TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(5)), child);
    }

    /** The run-wide settings with this test's number of fresh JVMs (always 0 inside a forked JVM). */
    static ForkSettings forTest(ForkSettings runWide, AnnotationLadder annotations, Method method) {
        if (runWide.isChild()) {
            return new ForkSettings(0, runWide.jvmArgs(), runWide.timeout(), runWide.childResultFile());
        }
        for (Performance p : annotations.all(Performance.class)) {
            if (p.forks() != -1) {
                if (p.forks() < 0) {
                    throw SamplerConfiguration.invalid(method.getName() + "()", "forks", p.forks(),
                            "0 (this JVM), a number of fresh JVMs, or -1 (unset)");
                }
                return new ForkSettings(p.forks(), runWide.jvmArgs(), runWide.timeout(), null);
            }
        }
        return runWide;
    }

    /**
     * The configuration parameters of a child JVM that writes its result to {@code resultFile}: every
     * {@code perf.junit.*} key this run sets, from the key constants and from system properties.
     */
    static Map<String, String> childParameters(Function<String, Optional<String>> configuration, Path resultFile) {
        Map<String, String> parameters = new TreeMap<>();
        for (Class<?> holder : KEY_HOLDERS) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && Modifier.isFinal(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        Object key = field.get(null);
                        if (key instanceof String k && k.startsWith("perf.junit.")) {
                            configuration.apply(k).ifPresent(v -> parameters.put(k, v));
                        }
                    } catch (IllegalAccessException | RuntimeException e) {
                        // not a readable constant: not a key
                    }
                }
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("perf.junit."))
                .forEach(k -> configuration.apply(k).ifPresent(v -> parameters.putIfAbsent(k, v)));
        parameters.remove(FORK_PROPERTY_NAME);
        parameters.put(CHILD_RESULT_PROPERTY_NAME, resultFile.toString());
        return parameters;
    }
}
