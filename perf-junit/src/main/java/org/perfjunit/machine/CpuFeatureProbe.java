package org.perfjunit.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Probes {@code avx2}, {@code avx512f} and {@code fma}: present when the CPU flag appears on the
 * {@code flags} line of {@code /proc/cpuinfo} (Linux x86). On systems without that file the
 * features count as absent, with that reason.
 */
public final class CpuFeatureProbe implements HardwareProbe {

    private static final Set<String> FEATURES = Set.of("avx2", "avx512f", "fma");

    private final Path cpuinfo;

    /** Reads {@code /proc/cpuinfo}. */
    public CpuFeatureProbe() {
        this(Path.of("/proc/cpuinfo"));
    }

    /** For tests: reads the given cpuinfo file. */
    CpuFeatureProbe(Path cpuinfo) {
        this.cpuinfo = cpuinfo;
    }

    @Override
    public Set<String> names() {
        return FEATURES;
    }

    @Override
    public ProbeResult probe(String name) throws IOException {
        if (!Files.isReadable(cpuinfo)) {
            return ProbeResult.absent("cannot read " + cpuinfo + " to check CPU flag " + name);
        }
        for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
            if (line.startsWith("flags")) {
                String flags = line.substring(line.indexOf(':') + 1);
                return Arrays.asList(flags.trim().split("\\s+")).contains(name)
                        ? ProbeResult.present("CPU flag " + name + " in " + cpuinfo)
                        : ProbeResult.absent("CPU flag " + name + " not in " + cpuinfo);
            }
        }
        return ProbeResult.absent("no flags line in " + cpuinfo);
    }
}
