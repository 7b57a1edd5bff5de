package org.perfjunit.extension;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.perfjunit.fork.ForkOutcome;
import org.perfjunit.fork.ForkedJvm;
import org.perfjunit.model.ResultJson;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * Entry point of a forked JVM: runs exactly one test, selected by unique id, through the JUnit
 * Platform Launcher with the configuration parameters the parent passed, then writes how it ended
 * ({@link ForkOutcome}) as JSON. The perf-junit extension in this JVM sees
 * {@code perf.junit.fork.child.result} and writes the measured result there instead of judging it.
 * Listener auto-registration is off, so the report listener writes no reports here.
 *
 * <p>Usage (by {@link ForkedJvm} only): {@code java -cp <class path> org.perfjunit.extension.ForkedTestMain <request.properties>}
 */
public final class ForkedTestMain {

    private ForkedTestMain() {
    }

    public static void main(String[] args) throws IOException {
        Properties request = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            request.load(reader);
        }
        String uniqueId = request.getProperty(ForkedJvm.UNIQUE_ID_KEY);
        Path outcomeFile = Path.of(request.getProperty(ForkedJvm.OUTCOME_FILE_KEY));
        Map<String, String> parameters = new HashMap<>();
        request.stringPropertyNames().stream().filter(k -> !k.startsWith("perf.junit.fork.internal."))
                .forEach(k -> parameters.put(k, request.getProperty(k)));
        ForkOutcome outcome = run(uniqueId, parameters);
        Files.writeString(outcomeFile, ResultJson.mapper().writeValueAsString(outcome),
                StandardCharsets.UTF_8);
        System.out.flush();
        System.err.flush();
        // the test may have left non-daemon threads behind; the outcome is written, so end here
        System.exit(0);
    }

    static ForkOutcome run(String uniqueId, Map<String, String> parameters) {
        LauncherDiscoveryRequest discovery = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectUniqueId(uniqueId)).configurationParameters(parameters).build();
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestExecutionListenerAutoRegistration(false).build());
        OutcomeListener listener = new OutcomeListener(uniqueId);
        launcher.execute(discovery, listener);
        return listener.outcome();
    }

    /** Remembers how the selected test ended, or the first container failure that kept it from running. */
    private static final class OutcomeListener implements TestExecutionListener {
        private final String uniqueId;
        private ForkOutcome test;
        private ForkOutcome container;

        OutcomeListener(String uniqueId) {
            this.uniqueId = uniqueId;
        }

        @Override
        public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
            ForkOutcome outcome = describe(result);
            if (identifier.getUniqueId().equals(uniqueId)) {
                test = outcome;
            } else if (container == null && result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                container = outcome;
            }
        }

        ForkOutcome outcome() {
            if (test != null) {
                return test;
            }
            if (container != null) {
                return container;
            }
            return new ForkOutcome("NOT_RUN", ProcessHandle.current().pid(), null,
                    "the forked JVM found no test with unique id [" + uniqueId + "]", null);
        }

        private static ForkOutcome describe(TestExecutionResult result) {
            long pid = ProcessHandle.current().pid();
            return result.getThrowable().map(t -> {
                StringWriter trace = new StringWriter();
                t.printStackTrace(new PrintWriter(trace));
                return new ForkOutcome(result.getStatus().name(), pid, t.getClass().getName(), t.getMessage(),
                        trace.toString());
            }).orElse(new ForkOutcome(result.getStatus().name(), pid, null, null, null));
        }
    }
}
