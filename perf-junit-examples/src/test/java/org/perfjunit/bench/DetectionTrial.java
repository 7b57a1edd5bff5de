package org.perfjunit.bench;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * One trial of {@link CrossJvmDetectionBenchmark} in its own JVM: runs {@link DetectionWorkload}
 * through the JUnit Launcher with perf-junit's extension and report listener, as Surefire would.
 * Arguments: {@code <baseline dir> <report dir> <baseline mode>}; the slowdown comes from
 * {@code -Dbench.slowdown}. Writes each test's wall time, start to finish (warm-up, measuring and
 * verdict), to {@code <report dir>/durations.txt} as {@code <method> <seconds>} lines.
 */
public final class DetectionTrial {

    private DetectionTrial() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DetectionWorkload.class))
                // perf-junit's own defaults: not the examples' junit-platform.properties on this class path
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(Map.of("perf.junit.baseline.dir", args[0], "perf.junit.report.dir", args[1],
                        "perf.junit.baseline.mode", args[2]))
                .build();
        Map<String, Long> started = new ConcurrentHashMap<>();
        StringBuilder durations = new StringBuilder();
        TestExecutionListener timing = new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier test) {
                started.put(test.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(m ->
                        durations.append(m.getMethodName()).append(' ')
                                .append((System.nanoTime() - started.get(test.getUniqueId())) / 1e9).append('\n'));
            }
        };
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, timing);
        try {
            Files.createDirectories(Path.of(args[1]));
            Files.writeString(Path.of(args[1], "durations.txt"), durations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
