package org.perfjunit.machine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RaplEnergyMeterTests {

    private static final long MAX = 262_143_328_850L;

    @TempDir
    Path root;

    @Test
    void sumsPackageAndDramDomainsButNotCoreOrPsys() throws IOException {
        zone("intel-rapl:0", "package-0", 1_000_000);
        zone("intel-rapl:0:0", "core", 500_000);
        zone("intel-rapl:0:1", "dram", 2_000_000);
        zone("intel-rapl:1", "psys", 9_000_000);
        RaplEnergyMeter meter = new RaplEnergyMeter(root);
        assertThat(meter.probe()).isEqualTo(Availability.available("package-0, dram"));

        EnergyReading reading = meter.start();
        counter("intel-rapl:0", 3_500_000);      // +2.5 J
        counter("intel-rapl:0:0", 1_500_000);    // core: inside the package, ignored
        counter("intel-rapl:0:1", 2_250_000);    // +0.25 J
        counter("intel-rapl:1", 99_000_000);     // psys: ignored
        assertThat(reading.stopJoules()).isCloseTo(2.75, within(1e-9));
    }

    @Test
    void correctsACounterThatWrappedAroundItsMaximumRange() throws IOException {
        zone("intel-rapl:0", "package-0", MAX - 1_000_000);
        EnergyReading reading = new RaplEnergyMeter(root).start();
        counter("intel-rapl:0", 500_000);
        assertThat(reading.stopJoules()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void isUnavailableWithoutPowercapZones() {
        RaplEnergyMeter meter = new RaplEnergyMeter(root.resolve("missing"));
        assertThat(meter.probe()).isEqualTo(Availability.unavailable(
                "no " + root.resolve("missing").resolve("intel-rapl:*") + " package domains"));
    }

    @Test
    void isUnavailableWhenTheCounterIsNotReadable() throws IOException {
        zone("intel-rapl:0", "package-0", 1);
        Path counter = root.resolve("intel-rapl:0/energy_uj");
        boolean changed = counter.toFile().setReadable(false, false);
        if (!changed || Files.isReadable(counter)) {
            return; // running as root: permissions are not enforced, nothing to test
        }
        assertThat(new RaplEnergyMeter(root).probe()).isEqualTo(
                Availability.unavailable(counter + " not readable (root-only since Linux 5.10)"));
    }

    private void zone(String dir, String name, long energy) throws IOException {
        Path zone = Files.createDirectories(root.resolve(dir));
        Files.writeString(zone.resolve("name"), name + "\n");
        Files.writeString(zone.resolve("max_energy_range_uj"), MAX + "\n");
        counter(dir, energy);
    }

    private void counter(String dir, long energy) throws IOException {
        Files.writeString(root.resolve(dir).resolve("energy_uj"), energy + "\n");
    }
}
