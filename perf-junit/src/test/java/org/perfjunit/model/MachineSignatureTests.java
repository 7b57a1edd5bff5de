package org.perfjunit.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MachineSignatureTests {

    @TempDir
    Path dir;

    static Path cpuinfo(String name) {
        try {
            return Path.of(MachineSignatureTests.class.getResource("/cpuinfo/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Environment on(CpuIdentity cpu, long maxHeap) {
        return new Environment("Linux", "6.1", "amd64", "AMD EPYC", 2, 17, "Eclipse Adoptium", "17.0.15",
                "G1 Young Generation,G1 Old Generation", maxHeap, null, "ci", cpu);
    }

    @Test
    @DisplayName("two processor generations behind the same model name read as different CPUs")
    void twoGenerationsBehindOneModelNameDiffer() {
        CpuIdentity zen2 = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family23.txt"), dir.resolve("none"), name -> null);
        CpuIdentity zen5 = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), dir.resolve("none"), name -> null);
        assertThat(zen2.vendor()).isEqualTo("AuthenticAMD");
        assertThat(zen2.family()).isEqualTo(23);
        assertThat(zen2.model()).isEqualTo(49);
        assertThat(zen2.virtualized()).isTrue();
        assertThat(zen5.family()).isEqualTo(26);

        assertThat(MachineSignature.differences(on(zen2, 1L << 30), on(zen5, 1L << 30)))
                .contains("CPU family 23 vs 26", "CPU model 49 vs 2", "CPU stepping 0 vs 1");
        assertThat(MachineSignature.differences(on(zen5, 1L << 30), on(zen5, 1L << 30))).isEmpty();
        assertThat(EnvironmentKey.of(on(zen2, 1L << 30))).isEqualTo("linux-amd64-amd-epyc-family23-model49-2c-jdk17");
        assertThat(EnvironmentKey.of(on(zen5, 1L << 30))).isEqualTo("linux-amd64-amd-epyc-family26-model2-2c-jdk17");
    }

    @Test
    void heapGarbageCollectorAndJvmArePartOfTheSignature() {
        CpuIdentity cpu = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), dir.resolve("none"), name -> null);
        Environment small = on(cpu, 1L << 30);
        Environment large = on(cpu, 4L << 30);
        Environment parallel = new Environment("Linux", "6.1", "amd64", "AMD EPYC", 2, 21, "Eclipse Adoptium", "21.0.5",
                "PS Scavenge,PS MarkSweep", 1L << 30, null, "ci", cpu);
        assertThat(MachineSignature.differences(small, large)).containsExactly("max heap 1 GiB vs 4 GiB");
        assertThat(MachineSignature.differences(small, parallel))
                .containsExactly("JDK 17 vs 21", "GC G1 Young Generation,G1 Old Generation vs PS Scavenge,PS MarkSweep");
    }

    @Test
    void aBaselineFromBeforeSignaturesIsNeverTheSameMachine() {
        CpuIdentity cpu = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), dir.resolve("none"), name -> null);
        assertThat(MachineSignature.differences(on(null, 1L << 30), on(cpu, 1L << 30)))
                .containsExactly("recorded without a CPU signature by an older perf-junit");
        assertThat(MachineSignature.differences(null, on(cpu, 1L << 30))).containsExactly("the baseline names no machine");
        assertThat(EnvironmentKey.of(on(null, 1L << 30))).isEqualTo("linux-amd64-amd-epyc-2c-jdk17");
    }

    @Test
    void cacheSizesComeFromSysfsWhenPresent() throws IOException {
        Path cache = dir.resolve("cache");
        index(cache, "index0", "1", "Data", "48K");
        index(cache, "index1", "1", "Instruction", "32K");
        index(cache, "index2", "2", "Unified", "1024K");
        index(cache, "index3", "3", "Unified", "32768K");
        CpuIdentity cpu = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), cache, name -> null);
        assertThat(cpu.l2CacheBytes()).isEqualTo(1L << 20);
        assertThat(cpu.l3CacheBytes()).isEqualTo(32L << 20);
        CpuIdentity bigger = new CpuIdentity("AuthenticAMD", 26, 2, 1, 1L << 20, 64L << 20, true);
        assertThat(MachineSignature.differences(on(cpu, 1L << 30), on(bigger, 1L << 30)))
                .containsExactly("L3 32 MiB vs 64 MiB");
    }

    @Test
    void cacheSizesComeFromGetconfWhenSysfsHidesThem() {
        CpuIdentity cpu = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), dir.resolve("none"),
                name -> name.startsWith("LEVEL3") ? 32L << 20 : 1L << 20);
        assertThat(cpu.l2CacheBytes()).isEqualTo(1L << 20);
        assertThat(cpu.l3CacheBytes()).isEqualTo(32L << 20);
        CpuIdentity withoutGetconf = EnvironmentDetector.cpuIdentity(cpuinfo("amd-family26.txt"), dir.resolve("none"),
                name -> null);
        assertThat(withoutGetconf.l2CacheBytes()).as("cpuinfo's cache size").isEqualTo(1L << 20);
        assertThat(withoutGetconf.l3CacheBytes()).isNull();
    }

    @Test
    void otherPlatformsKeepWhatTheyReport() {
        CpuIdentity intel = EnvironmentDetector.cpuIdentity(cpuinfo("intel-bare-metal.txt"), dir.resolve("none"), name -> null);
        assertThat(intel.vendor()).isEqualTo("GenuineIntel");
        assertThat(intel.family()).isEqualTo(6);
        assertThat(intel.model()).isEqualTo(106);
        assertThat(intel.virtualized()).isFalse();
        CpuIdentity arm = EnvironmentDetector.cpuIdentity(cpuinfo("arm.txt"), dir.resolve("none"), name -> null);
        assertThat(arm.family()).isNull();
        assertThat(arm.vendor()).isNull();
        assertThat(arm.virtualized()).isNull();
    }

    private static void index(Path cache, String name, String level, String type, String size) throws IOException {
        Path index = Files.createDirectories(cache.resolve(name));
        Files.writeString(index.resolve("level"), level + "\n");
        Files.writeString(index.resolve("type"), type + "\n");
        Files.writeString(index.resolve("size"), size + "\n");
    }
}
