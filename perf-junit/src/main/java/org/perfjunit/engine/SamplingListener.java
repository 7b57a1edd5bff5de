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
}
