package org.perfjunit.examples.course;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.RequiresHardware;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.PhotonicCompiler;
import org.perfjunit.sim.photonic.TargetConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 7: hardware gating with {@code @RequiresHardware}. Each name is answered by a probe
 * (ServiceLoader SPI): {@code photonic-sim} is always present (the simulators module), {@code cuda}
 * and {@code lightmatter-envise} are absent here, so those tests are skipped with the probe's reason
 * (look for "Required hardware [cuda] not present" in the output). Gated tests are tagged
 * {@code hardware}: {@code -DexcludedGroups=hardware} leaves them out, {@code -Dgroups=hardware} runs
 * only them, and {@code -Dperf.junit.hardware.missing=fail} turns a skip into a failure on the
 * machine that is supposed to have the device.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C07HardwareGatingTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C07HardwareGatingTest {

    @Test
    @Performance(maxTime = "2s")
    @RequiresHardware("photonic-sim")
    void runsWhereTheSimulatorIsPresent(PerfContext perf) {
        PhotonicCompiler compiler = new PhotonicCompiler(TargetConfig.defaults());

        var compiled = perf.measure(() -> compiler.compile(Network.mlp(1, 64, 64)));

        assertThat(compiled.tileCount()).isEqualTo(1);
    }

    @Test
    @Performance
    @RequiresHardware({"cuda", "memory>=16G"})
    void isSkippedWithAReasonWhereNoGpuExists() {
        Assumptions.abort("only reached on a machine with CUDA: put the GPU benchmark here");
    }

    @Test
    @RequiresHardware("lightmatter-envise")
    void gatesPlainTestsToo() {
        Assumptions.abort("only reached with a Lightmatter SDK: put the device smoke test here");
    }
}
