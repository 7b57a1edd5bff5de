package org.perfjunit.sim.hardware;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.perfjunit.machine.HardwareProbe;
import org.perfjunit.machine.ProbeResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class SimulatorProbesTests {

    @TempDir
    Path root;

    @Test
    void simulatorsAreAlwaysPresent() {
        SimulatorProbe probe = new SimulatorProbe();
        assertThat(probe.probe("photonic-sim").present()).isTrue();
        assertThat(probe.probe("loihi-sim").present()).isTrue();
    }

    @Test
    void realDevicesAreAbsentWithoutDriverOrSdk() {
        DeviceProbe probe = new DeviceProbe(Map.<String, String>of()::get, root);
        assertThat(probe.probe("lightmatter-envise")).isEqualTo(ProbeResult.absent(
                "no device driver/SDK found ($LIGHTMATTER_SDK_HOME unset, no /dev/envise0)"));
        assertThat(probe.probe("loihi")).isEqualTo(ProbeResult.absent(
                "no device driver/SDK found ($NXSDK_ROOT unset, no /dev/loihi0)"));
    }

    @Test
    void aDeviceFileOrAnSdkDirectoryMakesTheDevicePresent() throws IOException {
        Files.createDirectories(root.resolve("dev"));
        Files.createFile(root.resolve("dev/loihi0"));
        Path sdk = Files.createDirectories(root.resolve("envise-sdk"));
        DeviceProbe probe = new DeviceProbe(Map.of("LIGHTMATTER_SDK_HOME", sdk.toString())::get, root);
        assertThat(probe.probe("loihi").present()).isTrue();
        assertThat(probe.probe("lightmatter-envise")).isEqualTo(ProbeResult.present("LIGHTMATTER_SDK_HOME=" + sdk));
    }

    @Test
    void probesAreRegisteredForServiceLoader() {
        assertThat(ServiceLoader.load(HardwareProbe.class).stream().map(p -> p.type().getName()))
                .contains(SimulatorProbe.class.getName(), DeviceProbe.class.getName());
    }
}
