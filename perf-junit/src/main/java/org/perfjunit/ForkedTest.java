package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.perfjunit.fork.ForkOutcome;
import org.perfjunit.fork.ForkedJvm;
import org.perfjunit.fork.ForkedTestException;
import org.perfjunit.report.ResultFiles;
import org.perfjunit.result.TestResult;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The parent side of {@link Performance#forks()}: runs the test in a fresh JVM with every perf-junit
 * configuration parameter this run resolved, plus the marker that makes the child measure and write
 * its {@link TestResult} to a file named here; then reads that result back.
 */
final class ForkedTest {

    /** Classes whose {@code perf.junit.*} key constants are forwarded to the child. */
    private static final List<Class<?>> KEY_HOLDERS = List.of(PerfConfiguration.class, NoiseConfiguration.class,
            LoadConfiguration.class, ForkConfiguration.class, RequiresHardware.class,
            org.perfjunit.report.ReportConfiguration.class);

    private ForkedTest() {
    }

    /** The pooled result of {@code forks} children, one after another; a child's failure, abort or timeout is thrown as this test's. */
    static TestResult run(ExtensionContext context, ForkConfiguration fork, int forks) throws Exception {
        List<TestResult> results = new java.util.ArrayList<>();
        for (int i = 0; i < forks; i++) {
            results.add(runOnce(context, fork));
        }
        return org.perfjunit.fork.ForkMerger.merge(results);
    }

    private static TestResult runOnce(ExtensionContext context, ForkConfiguration fork) throws Exception {
        Path dir = Files.createTempDirectory("perf-junit-fork");
        try {
            Path resultFile = dir.resolve("result.json");
            Map<String, String> parameters = forwardedParameters(context);
            parameters.remove(ForkConfiguration.FORK_PROPERTY_NAME);
            parameters.put(ForkConfiguration.CHILD_RESULT_PROPERTY_NAME, resultFile.toString());
            ForkOutcome outcome;
            try {
                outcome = ForkedJvm.run(dir, context.getUniqueId(), parameters, fork.jvmArgs, fork.timeout,
                        System.out, System.err);
            } catch (TimeoutException e) {
                throw new AssertionFailedError(e.getMessage());
            }
            switch (outcome.status()) {
                case "SUCCESSFUL" -> {
                    if (!Files.exists(resultFile)) {
                        throw new AssertionFailedError("Forked JVM (pid " + outcome.pid() + ") ran ["
                                + context.getUniqueId() + "] but wrote no result; was it measured?");
                    }
                    return ResultFiles.read(resultFile);
                }
                case "ABORTED" -> throw new TestAbortedException(outcome.message());
                case "NOT_RUN" -> throw new AssertionFailedError(outcome.message());
                default -> throw new ForkedTestException(outcome);
            }
        } finally {
            deleteQuietly(dir);
        }
    }

    /** Every {@code perf.junit.*} key this run sets, from the key constants and from system properties. */
    static Map<String, String> forwardedParameters(ExtensionContext context) {
        Map<String, String> parameters = new TreeMap<>();
        for (Class<?> holder : KEY_HOLDERS) {
            for (Field field : holder.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                        && Modifier.isFinal(field.getModifiers())) {
                    try {
                        field.setAccessible(true);
                        Object key = field.get(null);
                        if (key instanceof String k && k.startsWith("perf.junit.")) {
                            context.getConfigurationParameter(k).ifPresent(v -> parameters.put(k, v));
                        }
                    } catch (IllegalAccessException | RuntimeException e) {
                        // not a readable constant: not a key
                    }
                }
            }
        }
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("perf.junit."))
                .forEach(k -> context.getConfigurationParameter(k).ifPresent(v -> parameters.putIfAbsent(k, v)));
        return parameters;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
