package org.perfjunit;

import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Runs fixture classes through the Jupiter engine with fast, explicit measurement settings. */
final class PerfTestKit {

    private PerfTestKit() {
    }

    /**
     * Runs {@code fixture} with 2 warm-up batches and 5 samples unless {@code params} override them. A failing
     * stored-baseline verdict fails at once ({@code perf.junit.baseline.confirm.jvms=0}): fresh JVMs would not see
     * the static state a fixture's test sets ({@code FreshJvmConfirmationTests} runs them on purpose).
     */
    static EngineExecutionResults run(Class<?> fixture, String... params) {
        var request = EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("perf.junit.warmup.iterations", "2")
                .configurationParameter("perf.junit.measurement.iterations", "5")
                .configurationParameter("perf.junit.measurement.sample.time", "200us")
                .configurationParameter("perf.junit.report.dir", "target/perf-junit-tests")
                .configurationParameter("perf.junit.baseline.confirm.jvms", "0");
        for (int i = 0; i + 1 < params.length; i += 2) {
            request = request.configurationParameter(params[i], params[i + 1]);
        }
        return request.selectors(selectClass(fixture)).execute();
    }

    /** The report entries published by the tests, in order. */
    static List<Map<String, String>> reportEntries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(org.junit.platform.engine.reporting.ReportEntry.class).orElseThrow().getKeyValuePairs())
                .toList();
    }

    /** The value of a report entry key across all tests, e.g. {@code perf.run}. */
    static List<String> entries(EngineExecutionResults results, String key) {
        return reportEntries(results).stream().map(m -> m.get(key)).filter(v -> v != null).toList();
    }

    /** The message of the throwable an event carries. */
    static String message(Event event) {
        Optional<Throwable> t = event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable);
        return t.map(Throwable::getMessage).orElse(null);
    }
}
