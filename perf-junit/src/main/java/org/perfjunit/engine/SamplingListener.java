package org.perfjunit.engine;

/**
 * Told when the measured phase starts and ends, so per-invocation recorders (phases, counters,
 * energy, peak heap) can discard what warm-up produced.
 */
public interface SamplingListener {

    /** No-op listener. */
    SamplingListener NONE = new SamplingListener() {
    };

    /** Warm-up and calibration are over; samples follow. */
    default void samplingStarted() {
    }

    /** The last sample has been taken. */
    default void samplingFinished() {
    }

    /**
     * A batch (or, under paced load, one call) is about to run. A listener may throw here to stop a
     * measurement nobody waits for any more (see {@link MeasurementWatchdog}): the engine checks between
     * batches, never inside one.
     */
    default void batchStarting() {
    }
}
