package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Whether and how a test runs in a fresh JVM ({@link Performance#forks()}): method annotation >
 * class (and enclosing classes) > key {@value #FORK_PROPERTY_NAME} > in this JVM.
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

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ForkConfiguration.class);

    final boolean forkByDefault;
    final List<String> jvmArgs;
    final Duration timeout;
    /** Where this JVM, when it is a forked child, writes its result; null in a parent. */
    final Path childResultFile;

    private ForkConfiguration(boolean forkByDefault, List<String> jvmArgs, Duration timeout, Path childResultFile) {
        this.forkByDefault = forkByDefault;
        this.jvmArgs = jvmArgs;
        this.timeout = timeout;
        this.childResultFile = childResultFile;
    }

    /** The run's fork settings, parsed once and cached in the root store. */
    static ForkConfiguration get(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(ForkConfiguration.class,
                k -> load(new PerfConfiguration.ConfigurationReader(context::getConfigurationParameter)),
                ForkConfiguration.class);
    }

    static ForkConfiguration load(PerfConfiguration.ConfigurationReader r) {
        List<String> args = r.text(JVM_ARGS_PROPERTY_NAME)
                .map(s -> Arrays.stream(s.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList()).orElse(List.of());
        Optional<String> child = r.text(CHILD_RESULT_PROPERTY_NAME);
        return new ForkConfiguration(r.bool(FORK_PROPERTY_NAME, false), args,
                r.positiveDuration(TIMEOUT_PROPERTY_NAME, Duration.ofMinutes(5)), child.map(Path::of).orElse(null));
    }

    boolean isChild() {
        return childResultFile != null;
    }

    /** How many fresh JVMs this test runs in: 0 = this JVM (always 0 inside a forked JVM). */
    int forks(Method method, Class<?> testClass) {
        if (isChild()) {
            return 0;
        }
        List<Performance> ladder = new ArrayList<>();
        AnnotationSupport.findAnnotation(method, Performance.class).ifPresent(ladder::add);
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            AnnotationSupport.findAnnotation(c, Performance.class).ifPresent(ladder::add);
        }
        for (Performance p : ladder) {
            if (p.forks() != -1) {
                if (p.forks() < 0) {
                    throw SamplerConfiguration.invalid(method.getName() + "()", "forks", p.forks(),
                            "0 (this JVM), a number of fresh JVMs, or -1 (unset)");
                }
                return p.forks();
            }
        }
        return forkByDefault ? 1 : 0;
    }
}
