package org.perfjunit.sim.photonic;

/**
 * Callback around each compiler {@link Pass}, so a harness can time passes or open a measured
 * phase, for example with perf-junit:
 * <pre>{@code
 * Map<Pass, PerfContext.Phase> open = new EnumMap<>(Pass.class);
 * PassListener listener = new PassListener() {
 *     public void passStarted(Pass pass) { open.put(pass, perf.phase(pass.id())); }
 *     public void passFinished(Pass pass, long nanos) { open.remove(pass).close(); }
 * };
 * }</pre>
 * Both methods run on the compiling thread; the default implementations do nothing.
 */
public interface PassListener {

    /** A listener that ignores everything. */
    PassListener NONE = new PassListener() {
    };

    /**
     * Called just before a pass runs.
     *
     * @param pass the pass
     */
    default void passStarted(Pass pass) {
    }

    /**
     * Called just after a pass finished.
     *
     * @param pass  the pass
     * @param nanos its wall-clock duration, from {@link System#nanoTime()}
     */
    default void passFinished(Pass pass, long nanos) {
    }
}
