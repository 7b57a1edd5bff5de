package org.perfjunit.model;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("UnitFormat: one way to print a value everywhere")
class UnitFormatTests {

    @Test
    void formatsDurationsWithTheLargestFittingUnit() {
        assertThat(UnitFormat.format(850, "ns")).isEqualTo("850 ns");
        assertThat(UnitFormat.format(1_234, "ns")).isEqualTo("1.234 µs");
        assertThat(UnitFormat.format(128_400_000, "ns")).isEqualTo("128.4 ms");
        assertThat(UnitFormat.format(2.5e9, "ns")).isEqualTo("2.5 s");
    }

    @Test
    void formatsBytesWithBinaryPrefixes() {
        assertThat(UnitFormat.format(512, "B")).isEqualTo("512 B");
        assertThat(UnitFormat.format(1536, "B")).isEqualTo("1.5 KiB");
        assertThat(UnitFormat.format(3 * 1024 * 1024, "B")).isEqualTo("3 MiB");
    }

    @Test
    void formatsThroughputAndEnergy() {
        assertThat(UnitFormat.format(950, "ops/s")).isEqualTo("950 ops/s");
        assertThat(UnitFormat.format(12_345, "ops/s")).isEqualTo("12.35 kops/s");
        assertThat(UnitFormat.format(1.2, "J")).isEqualTo("1.2 J");
        assertThat(UnitFormat.format(0.0042, "J")).isEqualTo("4.2 mJ");
        assertThat(UnitFormat.format(9.5e-4, "J")).isEqualTo("950 µJ");
    }

    @Test
    void formatsUserUnitsChangesAndMissingValues() {
        assertThat(UnitFormat.format(0.987, "")).isEqualTo("0.987");
        assertThat(UnitFormat.format(42, "MACs")).isEqualTo("42 MACs");
        assertThat(UnitFormat.percentChange(1.322)).isEqualTo("+32.2%");
        assertThat(UnitFormat.percentChange(0.96)).isEqualTo("-4.0%");
        assertThat(UnitFormat.format(Double.NaN, "ns")).isEqualTo("–");
        assertThat(UnitFormat.points(-1.333)).isEqualTo("-1.33 pt");
        assertThat(UnitFormat.pValue(0.0004)).isEqualTo("p<0.001");
        assertThat(UnitFormat.pValue(0.042)).isEqualTo("p=0.042");
    }
}
