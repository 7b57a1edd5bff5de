package org.perfjunit.bench;

import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.Map;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * One trial of {@link CrossJvmDetectionBenchmark} in its own JVM: runs {@link DetectionWorkload}
 * through the JUnit Launcher with perf-junit's extension and report listener, as Surefire would.
 * Arguments: {@code <baseline dir> <report dir> <baseline mode>}; the slowdown comes from
 * {@code -Dbench.slowdown}.
 */
public final class DetectionTrial {

    private DetectionTrial() {
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(DetectionWorkload.class))
                .configurationParameters(Map.of("perf.junit.baseline.dir", args[0], "perf.junit.report.dir", args[1],
                        "perf.junit.baseline.mode", args[2]))
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request);
    }
}
