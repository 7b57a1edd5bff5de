package org.perfjunit.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UnitFormatterTests {

    @Test
    void formatsDurationsWithTheLargestFittingUnit() {
        assertThat(UnitFormatter.format(850, "ns")).isEqualTo("850 ns");
        assertThat(UnitFormatter.format(1_234, "ns")).isEqualTo("1.23 µs");
        assertThat(UnitFormatter.format(128_400_000, "ns")).isEqualTo("128 ms");
        assertThat(UnitFormatter.format(2.5e9, "ns")).isEqualTo("2.50 s");
    }

    @Test
    void formatsBytesWithBinaryPrefixes() {
        assertThat(UnitFormatter.format(512, "B")).isEqualTo("512 B");
        assertThat(UnitFormatter.format(1536, "B")).isEqualTo("1.50 KiB");
        assertThat(UnitFormatter.format(3 * 1024 * 1024, "B")).isEqualTo("3.00 MiB");
    }

    @Test
    void formatsThroughputAndEnergy() {
        assertThat(UnitFormatter.format(950, "ops/s")).isEqualTo("950 ops/s");
        assertThat(UnitFormatter.format(12_345, "ops/s")).isEqualTo("12.3k ops/s");
        assertThat(UnitFormatter.format(1.2, "J")).isEqualTo("1.20 J");
        assertThat(UnitFormatter.format(0.0042, "J")).isEqualTo("4.20 mJ");
        assertThat(UnitFormatter.format(9.5e-4, "J")).isEqualTo("950 µJ");
    }

    @Test
    void formatsUserUnitsChangesAndMissingValues() {
        assertThat(UnitFormatter.format(0.987, "")).isEqualTo("0.987");
        assertThat(UnitFormatter.format(42, "MACs")).isEqualTo("42.0 MACs");
        assertThat(UnitFormatter.percentChange(1.322)).isEqualTo("+32.2%");
        assertThat(UnitFormatter.percentChange(0.96)).isEqualTo("-4.0%");
        assertThat(UnitFormatter.format(Double.NaN, "ns")).isEqualTo("–");
    }
}
