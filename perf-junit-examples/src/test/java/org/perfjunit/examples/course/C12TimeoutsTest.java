package org.perfjunit.examples.course;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.perfjunit.MaxDuration;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 12: the measurement timeout, and what a hang does to a performance test.
 *
 * <p>{@code maxWarmupTime} and {@code maxTime} are checked <em>between</em> batches: they cannot stop
 * one invocation that never returns (a latch nobody counts down, a lost response, a deadlock, a busy
 * loop). So every measurement also has a timeout: by default {@code maxWarmupTime + maxTime + grace}
 * (the larger of 5 s and half of those two; 22.5 s with perf-junit's defaults, 11 s with this module's
 * 2 s / 4 s caps), or {@code @Performance(timeout = "2s")}, or the key
 * {@code perf.junit.measurement.timeout} ({@code "none"} turns it off). The measurement runs on a thread
 * of its own, {@code perf-junit-measure-<test>}; at the deadline that thread is interrupted and the test
 * fails with a {@code MeasurementTimeoutException} (an {@code AssertionError}) instead of hanging the build:
 *
 * <pre>
 * MeasurementTimeoutException: measurement of [...C12TimeoutsTest#wrongWaitsForAnAnswerThatNeverComes()]
 * exceeded its timeout [300 ms] (@Performance(timeout = "300ms")): still running in calibration or warm-up
 * after 511.3 ms, so it was stopped; the measuring thread was interrupted and ended. The cause shows where it
 * was at the deadline. Nothing was recorded. If the test needs longer, raise @Performance(timeout) or
 * perf.junit.measurement.timeout ("none" turns the timeout off).
 * Caused by: java.lang.Throwable: stack trace of thread [perf-junit-measure-...] at the deadline
 *     at java.base/jdk.internal.misc.Unsafe.park(Native Method)
 *     ...
 *     at java.base/java.util.concurrent.CountDownLatch.await(CountDownLatch.java:230)
 *     at ...C12TimeoutsTest.wrongWaitsForAnAnswerThatNeverComes(C12TimeoutsTest.java:...)
 * </pre>
 *
 * The cause is the stack of the measuring thread at the deadline: it points at the line that hung.
 * Nothing is recorded for that test (no result, no report entry, no baseline), and the following
 * performance tests still run. Code that ignores the interrupt (a spin) is abandoned as a daemon
 * thread after a short grace, as JUnit's {@code @Timeout(threadMode = SEPARATE_THREAD)} does.
 *
 * <p>WRONG: an unbounded wait inside the measured body, left to the default timeout.
 * {@link #wrongWaitsForAnAnswerThatNeverComes} is {@code @Disabled} so the course stays green: remove
 * {@code @Disabled} and run it to see the failure above (with its small timeout it fails in 0.3-0.5 s;
 * with the default it would sit there for 11 s here, 22.5 s elsewhere, in every build, before failing).
 *
 * <p>RIGHT: bound every wait in the body ({@code get(1, SECONDS)}: a lost answer fails the very call,
 * with the body's own message), and give the measurement a timeout that fits the test's budget, a few
 * times what warm-up and sampling need, so a hang fails in seconds. A second point, with the same
 * cause (the separate thread): a {@code ThreadLocal} set in {@code @BeforeEach} (a security context, a
 * transaction, MDC, a thread-bound mock) is not visible on the measuring thread. Such a test measures on
 * the test thread with {@code threadMode = "same"}; its timeout then interrupts the test thread, but code
 * that ignores interrupts is only stopped by {@code maxTime}.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C12TimeoutsTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C12TimeoutsTest {

    /** A backend that answers on a thread of its own, like a server or a message broker. */
    private static final ExecutorService BACKEND = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "c12-backend");
        t.setDaemon(true);
        return t;
    });

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    @BeforeEach
    void bindTenant() {
        TENANT.set("acme");
    }

    @AfterEach
    void unbindTenant() {
        TENANT.remove();
    }

    @AfterAll
    static void stopBackend() {
        BACKEND.shutdownNow();
    }

    @Test
    @Disabled("run me to see the measurement timeout fail a hang in 0.3 s; the message is in the class comment")
    @Performance(timeout = "300ms")
    void wrongWaitsForAnAnswerThatNeverComes() throws InterruptedException {
        CountDownLatch answer = new CountDownLatch(1); // nobody counts it down: a lost response
        answer.await();
    }

    // Measured on the loaded 2-core CI machine: median ~19 µs per round trip (a thread hand-off). The limit
    // is ~5x that. The timeout, 5 s, is a few times what warm-up (capped at 1 s) and sampling (1 s) need.
    @Test
    @Performance(timeout = "5s", maxWarmupTime = "1s", maxTime = "1s")
    @MaxDuration(value = 100, unit = TimeUnit.MICROSECONDS, statistic = Statistic.MEDIAN)
    void rightBoundsTheWaitAndTheMeasurement() throws Exception {
        String reply = CompletableFuture.supplyAsync(() -> "pong", BACKEND).get(1, TimeUnit.SECONDS);
        assertThat(reply).isEqualTo("pong");
    }

    // Same budget and limit (measured: median ~16 µs); on the test thread, so the ThreadLocal bound in
    // @BeforeEach is visible (on the separate measuring thread it would be null and the assertion would fail).
    @Test
    @Performance(threadMode = "same", timeout = "5s", maxWarmupTime = "1s", maxTime = "1s")
    @MaxDuration(value = 100, unit = TimeUnit.MICROSECONDS, statistic = Statistic.MEDIAN)
    void rightMeasuresOnTheTestThreadWhenItNeedsItsThreadLocals() throws Exception {
        String tenant = TENANT.get();
        String reply = CompletableFuture.supplyAsync(() -> "pong for " + tenant, BACKEND).get(1, TimeUnit.SECONDS);
        assertThat(reply).isEqualTo("pong for acme");
    }
}
