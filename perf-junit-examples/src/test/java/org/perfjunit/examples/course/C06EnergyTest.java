package org.perfjunit.examples.course;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.perfjunit.EnergyUnit;
import org.perfjunit.MaxEnergy;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.sim.spiking.ChipConfig;
import org.perfjunit.sim.spiking.ChipMapping;
import org.perfjunit.sim.spiking.EnergyModel;
import org.perfjunit.sim.spiking.InferenceResult;
import org.perfjunit.sim.spiking.LoihiCompiler;
import org.perfjunit.sim.spiking.ReferenceNetwork;
import org.perfjunit.sim.spiking.ReferenceNetworks;

/**
 * Lesson 6: energy with {@code @MaxEnergy}. The annotation tags the test {@code energy}
 * ({@code mvn test -Dgroups=energy}) and limits the median energy per operation. Where does the
 * energy come from? Here from the code under test: the spiking simulator counts synaptic
 * operations, neuron updates and spikes, and an energy model (Davies et al. 2018) turns them into
 * joules, which the test hands to {@code perf.energy(joules)} inside the measured operation. Code-
 * reported energy always wins; without it perf-junit reads a meter (RAPL, nvidia-smi), and with no
 * meter the test is skipped with a reason, never passed. The limit is the spiking suite's 5 mJ.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C06EnergyTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class C06EnergyTest {

    private ReferenceNetwork ref;
    private ChipMapping chip;

    @BeforeAll
    void build() {
        ref = ReferenceNetworks.small();
        chip = new LoihiCompiler().compile(ref.snn(), ChipConfig.loihi());
    }

    @Test
    @Performance(maxTime = "2s")
    @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
    void infersWithinFiveMillijoules(PerfContext perf) {
        double[] image = ref.test().inputs()[0];

        perf.measure(() -> {
            InferenceResult result = ref.snn().infer(image, ref.timingOptions());
            perf.energy(EnergyModel.davies2018().estimate(result.counts(), chip).totalJoules());
            return result;
        });
    }
}
