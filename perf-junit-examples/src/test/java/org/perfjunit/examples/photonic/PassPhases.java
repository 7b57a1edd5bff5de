package org.perfjunit.examples.photonic;

import org.perfjunit.PerfContext;
import org.perfjunit.sim.photonic.Pass;
import org.perfjunit.sim.photonic.PassListener;

import java.util.EnumMap;
import java.util.Map;

/**
 * Bridges the compiler's {@link PassListener} to perf-junit phases: each pass becomes a
 * {@code phase.<pass>} metric (ns per compilation), which the HTML report draws as a stacked bar.
 * The listener runs on the compiling thread, so one map without locking is enough.
 */
final class PassPhases implements PassListener {

    private final PerfContext perf;
    private final Map<Pass, PerfContext.Phase> open = new EnumMap<>(Pass.class);

    PassPhases(PerfContext perf) {
        this.perf = perf;
    }

    @Override
    public void passStarted(Pass pass) {
        open.put(pass, perf.phase(pass.id()));
    }

    @Override
    public void passFinished(Pass pass, long nanos) {
        PerfContext.Phase phase = open.remove(pass);
        if (phase != null) {
            phase.close();
        }
    }
}
