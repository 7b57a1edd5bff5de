package org.perfjunit.machine;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Probe {@code cuda}: present when {@code nvidia-smi} is an executable on the {@code PATH} or
 * the NVIDIA device file {@code /dev/nvidia0} exists. It does not load the CUDA runtime; a
 * driver without a usable GPU still counts as present.
 */
public final class CudaProbe implements HardwareProbe {

    private final String searchPath;
    private final Path deviceFile;

    /** Reads the process's {@code PATH} and {@code /dev/nvidia0}. */
    public CudaProbe() {
        this(System.getenv().getOrDefault("PATH", ""), Path.of("/dev/nvidia0"));
    }

    /** For tests: an explicit search path (platform path separator) and device file. */
    CudaProbe(String searchPath, Path deviceFile) {
        this.searchPath = searchPath;
        this.deviceFile = deviceFile;
    }

    @Override
    public Set<String> names() {
        return Set.of("cuda");
    }

    @Override
    public ProbeResult probe(String name) {
        Optional<Path> smi = findOnPath("nvidia-smi");
        if (smi.isPresent()) {
            return ProbeResult.present("nvidia-smi at " + smi.get());
        }
        if (Files.exists(deviceFile)) {
            return ProbeResult.present(deviceFile.toString());
        }
        return ProbeResult.absent("nvidia-smi not found on PATH and no " + deviceFile);
    }

    private Optional<Path> findOnPath(String executable) {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, executable);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
