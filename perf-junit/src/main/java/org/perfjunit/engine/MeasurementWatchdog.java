package org.perfjunit.engine;

import org.perfjunit.model.UnitFormat;
import org.perfjunit.model.Printable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Stops a measurement that overruns its timeout, for the one case the {@link Sampler}'s own time
 * caps cannot handle: a single invocation that never returns (a spin, {@code sleep}, a latch or a
 * deadlock). Modelled on JUnit's {@code @Timeout}:
 * <ul>
 *   <li>{@link ThreadMode#SEPARATE}: the measurement runs on a daemon thread named
 *       {@code perf-junit-measure-<test>}; the caller waits until the deadline, then interrupts it and
 *       fails with {@link MeasurementTimeoutException}. A thread that ignores the interrupt is abandoned,
 *       so the caller (and whatever it holds, such as the measurement lock) goes on. When its hung call
 *       returns at last, it stops at its next batch boundary instead of measuring on into later tests.</li>
 *   <li>{@link ThreadMode#SAME}: the measurement runs on the caller, which is interrupted at the deadline;
 *       code that ignores interrupts runs to the end of its batch, the measurement stops at the next batch
 *       boundary and fails.</li>
 * </ul>
 * The operation's own exceptions reach the caller unchanged. Without a limit the task simply runs
 * on the caller.
 */
public final class MeasurementWatchdog {

    /** Where the measurement runs. */
    public enum ThreadMode { SEPARATE, SAME }

    /** The measurement to watch; it must report sampling to {@code listener} (used to say which phase hung). */
    @FunctionalInterface
    public interface Task<T> {
        T run(SamplingListener listener) throws Throwable;
    }

    /** Least grace added to the warm-up and sampling caps. */
    static final Duration MIN_GRACE = Duration.ofSeconds(5);
    /** Threads whose stacks are attached besides the measuring one (the load pools). */
    private static final String POOL_THREAD_PREFIX = "perf-junit-";

    private final String name;
    private final Duration limit;
    private final String origin;
    private final String advice;
    private final ThreadMode mode;

    /**
     * @param name   the test, for the message and the thread's name
     * @param limit  the timeout, or null for none
     * @param origin where the limit comes from, e.g. {@code (2 x maxWarmupTime 5 s + maxTime 10 s + grace 7.5 s)}
     * @param advice what to do when the test really needs longer
     */
    public MeasurementWatchdog(String name, Duration limit, String origin, String advice, ThreadMode mode) {
        this.name = name;
        this.limit = limit;
        this.origin = origin;
        this.advice = advice;
        this.mode = mode;
    }

    /**
     * The default timeout: {@code 2 x maxWarmupTime + maxTime + grace} (the warm-up gets a second cap while a
     * heap that has not settled may still be paging memory in), grace = the larger of 5 s and half of
     * {@code maxWarmupTime + maxTime}, as the sampler checks its caps only between batches and may overshoot each
     * by one.
     */
    public static Duration derivedLimit(SamplerSettings settings) {
        return settings.maxWarmup().multipliedBy(2).plus(settings.maxTime()).plus(grace(settings));
    }

    /** How {@link #derivedLimit} was reached, for the failure message. */
    public static String derivedOrigin(SamplerSettings settings) {
        return "(2 x maxWarmupTime " + format(settings.maxWarmup()) + " + maxTime " + format(settings.maxTime())
                + " + grace " + format(grace(settings)) + ")";
    }

    private static Duration grace(SamplerSettings settings) {
        Duration half = settings.maxWarmup().plus(settings.maxTime()).dividedBy(2);
        return half.compareTo(MIN_GRACE) > 0 ? half : MIN_GRACE;
    }

    /** Runs {@code task} under the timeout; returns its result or rethrows its exception unchanged. */
    public <T> T run(SamplingListener listener, Task<T> task) throws Throwable {
        if (limit == null) {
            return task.run(listener);
        }
        PhaseTracker phase = new PhaseTracker(listener);
        return mode == ThreadMode.SEPARATE ? onWorker(task, phase) : onCaller(task, phase);
    }

    private <T> T onWorker(Task<T> task, PhaseTracker phase) throws Throwable {
        Outcome<T> outcome = new Outcome<>();
        Thread worker = new Thread(() -> outcome.complete(task, phase), "perf-junit-measure-" + name);
        worker.setDaemon(true);
        worker.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        long start = System.nanoTime();
        worker.start();
        try {
            if (outcome.done.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return outcome.get();
            }
        } catch (InterruptedException e) {
            // the caller is being stopped (e.g. JUnit's own @Timeout): stop the measurement with it
            worker.interrupt();
            throw e;
        }
        StackTraceElement[] where = worker.getStackTrace();
        Map<Thread, StackTraceElement[]> pools = poolStacks(worker);
        long elapsed = System.nanoTime() - start;
        phase.cancel();
        worker.interrupt();
        boolean stopped = outcome.done.await(stopWait().toNanos(), TimeUnit.NANOSECONDS);
        String ending = stopped ? "the measuring thread was interrupted and ended"
                : "the measuring thread [" + worker.getName() + "] ignored the interrupt for " + format(stopWait())
                + " and was abandoned; it keeps running as a daemon thread and may keep a CPU busy until the JVM exits";
        MeasurementTimeoutException failure = timeout(elapsed, phase, ending, worker, where);
        pools.forEach((thread, stack) -> failure.addSuppressed(stackOf(thread, stack)));
        if (stopped && outcome.failure != null) {
            failure.addSuppressed(outcome.failure);
        }
        throw failure;
    }

    private <T> T onCaller(Task<T> task, PhaseTracker phase) throws Throwable {
        Thread caller = Thread.currentThread();
        CallerInterrupter interrupter = new CallerInterrupter(caller, phase);
        Thread timer = new Thread(interrupter, "perf-junit-timeout-" + name);
        timer.setDaemon(true);
        long start = System.nanoTime();
        timer.start();
        T result = null;
        Throwable thrown = null;
        try {
            result = task.run(phase);
        } catch (Throwable t) {
            thrown = t;
        }
        long elapsed = System.nanoTime() - start;
        StackTraceElement[] where = interrupter.finish();
        if (where == null) {
            if (thrown != null) {
                throw thrown;
            }
            return result;
        }
        Thread.interrupted(); // clear our own interrupt, as JUnit's SAME_THREAD timeout does
        MeasurementTimeoutException failure = timeout(elapsed, phase, "the test thread was interrupted at the deadline "
                + "(perf.junit.measurement.timeout.thread.mode=same cannot stop code that ignores interrupts)", caller, where);
        if (thrown != null) {
            failure.addSuppressed(thrown);
        }
        throw failure;
    }

    private MeasurementTimeoutException timeout(long elapsedNanos, PhaseTracker phase, String ending, Thread thread,
                                                StackTraceElement[] where) {
        return new MeasurementTimeoutException("measurement of [" + Printable.escape(name) + "] exceeded its timeout [" + format(limit)
                + "] " + origin + ": still running " + phase.where + " after " + UnitFormat.nanos(elapsedNanos)
                + ", so it was stopped; " + ending + ". The cause shows where it was at the deadline. Nothing was recorded. "
                + advice, stackOf(thread, where));
    }

    private static Throwable stackOf(Thread thread, StackTraceElement[] stack) {
        Throwable t = new Throwable("stack trace of thread [" + thread.getName() + "] at the deadline");
        t.setStackTrace(stack);
        return t;
    }

    /** Live load-pool threads besides the worker (they run the operation when threads > 1 or paced). */
    private static Map<Thread, StackTraceElement[]> poolStacks(Thread worker) {
        Map<Thread, StackTraceElement[]> stacks = new LinkedHashMap<>();
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread != worker && (thread.getName().startsWith(POOL_THREAD_PREFIX + "load-")
                    || thread.getName().startsWith(POOL_THREAD_PREFIX + "rate"))) {
                stacks.put(thread, stack);
            }
        });
        return stacks;
    }

    /** How long an interrupted worker gets to end: a quarter of the limit, within 200 ms..1 s. */
    private Duration stopWait() {
        Duration quarter = limit.dividedBy(4);
        return quarter.compareTo(Duration.ofMillis(200)) < 0 ? Duration.ofMillis(200)
                : quarter.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : quarter;
    }

    private static String format(Duration d) {
        return UnitFormat.nanos(d.toNanos());
    }

    /** The worker's result, handed to the caller through the latch (which orders the writes before the reads). */
    private static final class Outcome<T> {
        final CountDownLatch done = new CountDownLatch(1);
        T result;
        Throwable failure;

        void complete(Task<T> task, SamplingListener listener) {
            try {
                result = task.run(listener);
            } catch (Throwable t) {
                failure = t;
            } finally {
                done.countDown();
            }
        }

        T get() throws Throwable {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /** Interrupts the caller at the deadline unless {@link #finish} came first; records where the caller was. */
    private final class CallerInterrupter implements Runnable {
        private final Thread caller;
        private final PhaseTracker phase;
        private final CountDownLatch finished = new CountDownLatch(1);
        private StackTraceElement[] where;

        CallerInterrupter(Thread caller, PhaseTracker phase) {
            this.caller = caller;
            this.phase = phase;
        }

        @Override
        public void run() {
            try {
                if (finished.await(limit.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (finished.getCount() > 0) {
                    where = caller.getStackTrace();
                    phase.cancel();
                    caller.interrupt();
                }
            }
        }

        /** Stops the timer; returns the caller's stack at the deadline, or null when it finished in time. */
        synchronized StackTraceElement[] finish() {
            finished.countDown();
            return where;
        }
    }

    /** Remembers which phase the measurement is in, for the message, and stops it at a batch boundary once cancelled. */
    private final class PhaseTracker implements SamplingListener {
        private final SamplingListener delegate;
        volatile String where = "in calibration or warm-up";
        private volatile boolean cancelled;

        PhaseTracker(SamplingListener delegate) {
            this.delegate = delegate;
        }

        void cancel() {
            cancelled = true;
        }

        @Override
        public void batchStarting() {
            if (cancelled) {
                // the caller has given up on this measurement: running on would measure into the next test
                throw new CancellationException("measurement of [" + name + "] was stopped at a batch boundary"
                        + " after its timeout [" + format(limit) + "]");
            }
            delegate.batchStarting();
        }

        @Override
        public void samplingStarted() {
            where = "while sampling";
            delegate.samplingStarted();
        }

        @Override
        public void samplingFinished() {
            delegate.samplingFinished();
            where = "after sampling";
        }
    }
}
