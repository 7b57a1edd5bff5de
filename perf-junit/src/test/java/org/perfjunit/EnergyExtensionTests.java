package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.perfjunit.PerfTestKit.entries;
import static org.perfjunit.PerfTestKit.run;

@DisplayName("@MaxEnergy through the PerformanceExtension")
class EnergyExtensionTests {

    static class EnergyTestCase {
        @Test
        @Performance
        @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
        void withinBudget(PerfContext perf) {
            perf.measure(() -> 1);
            perf.energy(0.002);
        }

        @Test
        @Performance
        @MaxEnergy(value = 1, unit = EnergyUnit.MILLIJOULES)
        void overBudget(PerfContext perf) {
            perf.measure(() -> 1);
            perf.energy(0.002);
        }
    }

    static final AtomicInteger bodyCalls = new AtomicInteger();

    static class NoMeterTestCase {
        @Test
        @MaxEnergy(value = 1, unit = EnergyUnit.MILLIJOULES)
        void needsAMeter() {
            bodyCalls.incrementAndGet();
        }
    }

    @Test
    @DisplayName("with no energy meter, a test that cannot report energy itself is skipped before it is measured")
    void noMeterSkipsBeforeMeasuring() throws Exception {
        bodyCalls.set(0);
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        EngineExecutionResults results;
        // meters are found through ServiceLoader on the context class loader: this one sees none
        var request = org.junit.platform.testkit.engine.EngineTestKit.engine("junit-jupiter")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("perf.junit.report.dir", "target/perf-junit-tests")
                .selectors(org.junit.platform.engine.discovery.DiscoverySelectors.selectClass(NoMeterTestCase.class));
        try (URLClassLoader noMeters = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            thread.setContextClassLoader(noMeters);
            results = request.execute();
        } finally {
            thread.setContextClassLoader(original);
        }
        results.testEvents().assertStatistics(s -> s.aborted(1));
        assertThat(bodyCalls).as("not one measured call").hasValue(0);
        assertThat(entries(results, "perf.outcome")).singleElement().asString().startsWith("skipped: ");
    }

    @Test
    @DisplayName("energy reported by the code is checked against the limit")
    void reportedEnergy() {
        EngineExecutionResults results = run(EnergyTestCase.class);
        results.testEvents().assertStatistics(s -> s.succeeded(1).failed(1));
        assertThat(PerfTestKit.message(results.testEvents().failed().list().get(0)))
                .isEqualTo("energy per invocation [2 mJ] exceeded @MaxEnergy [1 mJ] over [5] samples (2× the limit)");
        assertThat(entries(results, "perf.energy")).containsExactlyInAnyOrder("2 mJ", "2 mJ");
    }
}
