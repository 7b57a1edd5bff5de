package org.perfjunit.sim.hardware;

import org.perfjunit.machine.HardwareProbe;
import org.perfjunit.machine.ProbeResult;

import java.util.Set;

/**
 * Probes {@code photonic-sim} and {@code loihi-sim}: the in-process simulators of this module,
 * present wherever the module is on the class path. Tests written against the simulators say
 * {@code @RequiresHardware("photonic-sim")} so the same suite can later name the real device.
 */
public final class SimulatorProbe implements HardwareProbe {

    @Override
    public Set<String> names() {
        return Set.of("photonic-sim", "loihi-sim");
    }

    @Override
    public ProbeResult probe(String name) {
        return ProbeResult.present("in-process simulator (perf-junit simulators module)");
    }
}
