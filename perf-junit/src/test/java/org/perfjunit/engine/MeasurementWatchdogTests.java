package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("MeasurementWatchdog")
class MeasurementWatchdogTests {

    @Test
    @DisplayName("the default timeout is 2 x maxWarmupTime + maxTime + the larger of 5 s and half of maxWarmupTime + maxTime")
    void derivedLimit() {
        SamplerSettings defaults = SamplerSettings.defaults();
        assertThat(MeasurementWatchdog.derivedLimit(defaults)).isEqualTo(Duration.ofMillis(27_500));
        assertThat(MeasurementWatchdog.derivedOrigin(defaults)).isEqualTo("(2 x maxWarmupTime 5 s + maxTime 10 s + grace 7.5 s)");
        SamplerSettings brief = new SamplerSettings(-1, Duration.ofMillis(100), -1, 10, 1000, Duration.ZERO,
                Duration.ofMillis(200), 0.01, -1, Duration.ofMillis(1), 1);
        assertThat(MeasurementWatchdog.derivedLimit(brief)).isEqualTo(Duration.ofMillis(5_400));
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

    @Test
    @DisplayName("an abandoned measurement whose hung call returns late stops at its next batch boundary")
    void abandonedMeasurementStops() throws Throwable {
        MeasurementWatchdog watchdog = new MeasurementWatchdog("late", Duration.ofMillis(50), "(test)", "",
                MeasurementWatchdog.ThreadMode.SEPARATE);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        AtomicReference<Thread> worker = new AtomicReference<>();
        Operation hangsOnce = () -> {
            worker.set(Thread.currentThread());
            if (calls.incrementAndGet() == 1) {
                awaitIgnoringInterrupts(release); // ignores the watchdog's interrupt, so it is abandoned
            }
            return null;
        };
        assertThatThrownBy(() -> watchdog.run(SamplingListener.NONE,
                l -> Sampler.onJvm(l).measure(hangsOnce, SamplerSettings.defaults())))
                .isInstanceOf(MeasurementTimeoutException.class).hasMessageContaining("was abandoned");
        int before = calls.get();
        release.countDown();
        worker.get().join();
        assertThat(before).isEqualTo(1);
        assertThat(calls.get()).as("invocations after the abandoned call returned").isEqualTo(1);
    }

    @Test
    @DisplayName("on the caller thread, a call that ignores the deadline's interrupt is the last one")
    void sameThreadMeasurementStops() {
        MeasurementWatchdog watchdog = new MeasurementWatchdog("late", Duration.ofMillis(50), "(test)", "",
                MeasurementWatchdog.ThreadMode.SAME);
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger afterInterrupt = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        Operation returnsWhenInterrupted = () -> {
            if (interrupted.get() > 0) {
                afterInterrupt.incrementAndGet();
            }
            if (calls.incrementAndGet() == 1) {
                while (!Thread.interrupted()) {
                    Thread.onSpinWait(); // returns late: only once the deadline's interrupt arrived
                }
                interrupted.incrementAndGet();
            }
            return null;
        };
        assertThatThrownBy(() -> watchdog.run(SamplingListener.NONE,
                l -> Sampler.onJvm(l).measure(returnsWhenInterrupted, SamplerSettings.defaults())))
                .isInstanceOf(MeasurementTimeoutException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(java.util.concurrent.CancellationException.class));
        assertThat(interrupted.get()).isEqualTo(1);
        assertThat(afterInterrupt.get()).as("invocations after the deadline").isZero();
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // a hung call that ignores interrupts
            }
        }
    }
}
