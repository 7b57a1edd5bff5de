package org.perfjunit.sim.hardware;

import org.perfjunit.machine.HardwareProbe;
import org.perfjunit.machine.ProbeResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Probes the real devices the simulators stand in for:
 * <ul>
 *   <li>{@code lightmatter-envise}: present when {@code LIGHTMATTER_SDK_HOME} names an existing
 *       directory or the device file {@code /dev/envise0} exists;</li>
 *   <li>{@code loihi}: present when {@code NXSDK_ROOT} (Intel NxSDK) names an existing directory or
 *       {@code /dev/loihi0} exists.</li>
 * </ul>
 * Otherwise absent: "no device driver/SDK found". The variable and device names are this
 * project's convention, as no vendor documents a stable one; point them at your installation.
 */
public final class DeviceProbe implements HardwareProbe {

    private static final Map<String, Device> DEVICES = Map.of(
            "lightmatter-envise", new Device("LIGHTMATTER_SDK_HOME", "/dev/envise0"),
            "loihi", new Device("NXSDK_ROOT", "/dev/loihi0"));

    private final Function<String, String> environment;
    private final Path root;

    /** Reads the process environment and the real file system. */
    public DeviceProbe() {
        this(System::getenv, Path.of("/"));
    }

    /** For tests: an injected environment and a root under which device paths are resolved. */
    DeviceProbe(Function<String, String> environment, Path root) {
        this.environment = environment;
        this.root = root;
    }

    @Override
    public Set<String> names() {
        return DEVICES.keySet();
    }

    @Override
    public ProbeResult probe(String name) {
        Device device = DEVICES.get(name);
        String sdk = environment.apply(device.sdkVariable());
        if (sdk != null && !sdk.isBlank() && Files.isDirectory(Path.of(sdk))) {
            return ProbeResult.present(device.sdkVariable() + "=" + sdk);
        }
        Path file = root.resolve(device.deviceFile().substring(1));
        if (Files.exists(file)) {
            return ProbeResult.present(file.toString());
        }
        return ProbeResult.absent("no device driver/SDK found ($" + device.sdkVariable() + " unset, no "
                + device.deviceFile() + ")");
    }

    private record Device(String sdkVariable, String deviceFile) {
    }
}
