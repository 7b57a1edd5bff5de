package org.perfjunit.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInProbesTests {

    @TempDir
    Path dir;

    @Test
    void cpuFeaturesComeFromTheFlagsLine() throws Exception {
        Path cpuinfo = Files.writeString(dir.resolve("cpuinfo"),
                "processor\t: 0\nmodel name\t: Test CPU\nflags\t\t: fpu sse2 avx avx2 fma\n\nprocessor\t: 1\n");
        CpuFeatureProbe probe = new CpuFeatureProbe(cpuinfo);
        assertThat(probe.probe("avx2")).isEqualTo(ProbeResult.present("CPU flag avx2 in " + cpuinfo));
        assertThat(probe.probe("fma").present()).isTrue();
        assertThat(probe.probe("avx512f")).isEqualTo(ProbeResult.absent("CPU flag avx512f not in " + cpuinfo));
    }

    @Test
    void cpuFeaturesAreAbsentWithoutCpuinfo() throws Exception {
        Path missing = dir.resolve("none");
        assertThat(new CpuFeatureProbe(missing).probe("avx2"))
                .isEqualTo(ProbeResult.absent("cannot read " + missing + " to check CPU flag avx2"));
    }

    @Test
    void cudaIsPresentWhenNvidiaSmiIsOnThePath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path smi = Files.createFile(bin.resolve("nvidia-smi"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        assertThat(new CudaProbe("/nonexistent:" + bin, dir.resolve("nvidia0")).probe("cuda"))
                .isEqualTo(ProbeResult.present("nvidia-smi at " + smi));
    }

    @Test
    void cudaIsPresentWithTheDeviceFileAlone() throws IOException {
        Path device = Files.createFile(dir.resolve("nvidia0"));
        assertThat(new CudaProbe("", device).probe("cuda")).isEqualTo(ProbeResult.present(device.toString()));
    }

    @Test
    void cudaIsAbsentWithNeither() {
        Path device = dir.resolve("nvidia0");
        assertThat(new CudaProbe(dir.toString(), device).probe("cuda"))
                .isEqualTo(ProbeResult.absent("nvidia-smi not found on PATH and no " + device));
    }

    @Test
    void coresAndMemoryUseParameterizedNames() {
        MachineResourceProbe probe = new MachineResourceProbe(() -> 4, () -> 8L << 30);
        assertThat(probe.handles("cores>=2")).isTrue();
        assertThat(probe.handles("memory>=512M")).isTrue();
        assertThat(probe.handles("cores>=many")).isFalse();
        assertThat(probe.handles("memory>=16")).isFalse();
        assertThat(probe.probe("cores>=4")).isEqualTo(ProbeResult.present("4 cores available, 4 required"));
        assertThat(probe.probe("cores>=8")).isEqualTo(ProbeResult.absent("4 cores available, 8 required"));
        assertThat(probe.probe("memory>=8G").present()).isTrue();
        assertThat(probe.probe("memory>=16g"))
                .isEqualTo(ProbeResult.absent("8.0 GiB physical memory, 16.0 GiB required"));
    }

    @Test
    void registryCachesAnswersAndCrashes() {
        int[] calls = {0};
        HardwareProbe crashing = new HardwareProbe() {
            public java.util.Set<String> names() {
                return java.util.Set.of("x");
            }

            public ProbeResult probe(String name) {
                calls[0]++;
                throw new IllegalStateException("boom");
            }
        };
        HardwareProbes probes = new HardwareProbes(List.of(crashing));
        for (int i = 0; i < 2; i++) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> probes.probe("x"))
                    .isInstanceOf(HardwareProbeException.class).hasRootCauseMessage("boom");
        }
        assertThat(calls[0]).isEqualTo(1);
    }

    @Test
    void builtInProbesAreRegistered() {
        assertThat(HardwareProbes.load().knownNames())
                .contains("cuda", "rapl", "avx2", "avx512f", "fma", "cores>=<n>", "memory>=<n>G");
    }
}
