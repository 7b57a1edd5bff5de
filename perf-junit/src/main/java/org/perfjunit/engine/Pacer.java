package org.perfjunit.engine;

import java.util.concurrent.locks.LockSupport;

/** Waits until an intended start time of {@link ScheduledLoad}; tests inject one that moves a fake clock. */
@FunctionalInterface
interface Pacer {

    /** Returns once {@code nanoTime} (on the load's {@link TimeSource}) has been reached. */
    void awaitUntil(long nanoTime) throws InterruptedException;

    /** Parks until shortly before the deadline, then spins, so invocations start within microseconds of schedule. */
    static Pacer on(TimeSource time) {
        return deadline -> {
            long remaining;
            while ((remaining = deadline - time.nanoTime()) > 0) {
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
                if (remaining > 100_000) {
                    LockSupport.parkNanos(remaining - 50_000);
                } else {
                    Thread.onSpinWait();
                }
            }
        };
    }
}
