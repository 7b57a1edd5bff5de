package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("MeasurementWatchdog")
class MeasurementWatchdogTests {

    @Test
    @DisplayName("the default timeout is maxWarmupTime + maxTime + the larger of 5 s and half of both")
    void derivedLimit() {
        SamplerSettings defaults = SamplerSettings.defaults();
        assertThat(MeasurementWatchdog.derivedLimit(defaults)).isEqualTo(Duration.ofMillis(22_500));
        assertThat(MeasurementWatchdog.derivedOrigin(defaults)).isEqualTo("(maxWarmupTime 5 s + maxTime 10 s + grace 7.5 s)");
        SamplerSettings brief = new SamplerSettings(-1, Duration.ofMillis(100), -1, 10, 1000, Duration.ZERO,
                Duration.ofMillis(200), 0.01, -1, Duration.ofMillis(1), 1);
        assertThat(MeasurementWatchdog.derivedLimit(brief)).isEqualTo(Duration.ofMillis(5_300));
    }

    @Test
    @DisplayName("a task that finishes returns its result; one that throws rethrows the same object")
    void passesResultsAndExceptionsThrough() throws Throwable {
        MeasurementWatchdog watchdog = new MeasurementWatchdog("t", Duration.ofMinutes(1), "(test)", "",
                MeasurementWatchdog.ThreadMode.SEPARATE);
        String name = watchdog.run(SamplingListener.NONE, l -> Thread.currentThread().getName());
        assertThat(name).isEqualTo("perf-junit-measure-t");
        Error error = new StackOverflowError("deep");
        assertThatThrownBy(() -> watchdog.run(SamplingListener.NONE, l -> {
            throw error;
        })).isSameAs(error);
    }

    @Test
    @DisplayName("without a limit the task runs on the caller")
    void noLimit() throws Throwable {
        MeasurementWatchdog watchdog = new MeasurementWatchdog("t", null, "", "",
                MeasurementWatchdog.ThreadMode.SEPARATE);
        Thread ran = watchdog.run(SamplingListener.NONE, l -> Thread.currentThread());
        assertThat(ran).isSameAs(Thread.currentThread());
    }
}
