package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Vector API probe")
class VectorSupportTests {

    @Test
    void aJvmWithoutTheIncubatorModuleFallsBackWithAReasonNamingTheFlag() {
        VectorSupport support = VectorSupport.detect(Optional.empty(), "true");

        assertThat(support.available()).isFalse();
        assertThat(support.reason()).contains("--add-modules jdk.incubator.vector");
        assertThat(support.vectorBits()).isZero();
    }

    @Test
    void thePropertyCanSwitchTheVectorBackendOff() {
        VectorSupport support = VectorSupport.detect(ModuleLayer.boot().findModule(VectorSupport.MODULE_NAME), "false");

        assertThat(support.available()).isFalse();
        assertThat(support.reason()).isEqualTo("disabled by -Dperf.junit.tensor.vector=false");
    }

    @Test
    void surefireRunsWithTheModuleSoTheVectorKernelsLoad() {
        VectorSupport support = VectorSupport.detect();

        assertThat(support.available()).as(support.reason()).isTrue();
        assertThat(support.floatLanes()).isEqualTo(2 * support.doubleLanes());
        assertThat(support.vectorBits()).isIn(128, 256, 512);
        assertThat(GemmBackend.VECTOR.unavailableReason()).isEmpty();
    }
}
