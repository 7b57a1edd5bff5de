package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.perfjunit.sim.tensor.PeakModel.Precision;

/** The peak model against fixture {@code /proc/cpuinfo} files of each microarchitecture. */
@DisplayName("PeakModel")
class PeakModelTests {

    private static final VectorSupport NO_VECTOR_API = VectorSupport.detect(Optional.empty(), "true");

    @ParameterizedTest(name = "{0}: {1}-bit × {2} FMA units = {3} double FLOP/cycle")
    @CsvSource({
        // Zen 1 executes 256-bit AVX2 on two 128-bit FMA pipes: 8, not 16
        "zen1-epyc-7601,          128, 2,  8",
        "zen2-epyc-7742,          256, 2, 16",
        "zen3-epyc-7763,          256, 2, 16",
        // Zen 4 has AVX-512 but splits it into 256-bit halves
        "zen4-epyc-9654,          256, 2, 16",
        // Zen 5 (family 26) has a full 512-bit datapath on server parts, 256-bit on Strix Point
        "zen5-epyc-vm,            512, 2, 32",
        "zen5-strix-point,        256, 2, 16",
        "skylake-sp-platinum-8180, 512, 2, 32",
        "skylake-sp-silver-4114,  512, 1, 16",
        "icelake-client-i7-1065g7, 512, 1, 16",
        "haswell-i7-4770,         256, 2, 16",
    })
    void fmaDatapathFollowsTheMicroarchitecture(String fixture, int bits, int units, int doubleFlopsPerCycle) {
        PeakModel peak = PeakModel.detect(cpuinfo(fixture), "", key -> null, 2, NO_VECTOR_API, () -> 0);

        assertThat(peak.fmaDatapathBits()).isEqualTo(bits);
        assertThat(peak.fmaUnitsPerCore()).isEqualTo(units);
        assertThat(peak.flopsPerCycle(Precision.DOUBLE)).isEqualTo(doubleFlopsPerCycle);
        assertThat(peak.flopsPerCycle(Precision.FLOAT)).isEqualTo(2 * doubleFlopsPerCycle);
    }

    @Test
    void withoutFmaAMultiplyAndAnAddPipeCountOnceEach() {
        PeakModel peak = PeakModel.detect(cpuinfo("sandybridge-no-fma"), "", key -> null, 1, NO_VECTOR_API,
                () -> { throw new AssertionError("no FMA, no FMA probe"); });

        assertThat(peak.hasFma()).isFalse();
        assertThat(peak.flopsPerCycle(Precision.DOUBLE)).isEqualTo(8);
    }

    @Test
    void onAVirtualMachineTheFmaProbeReplacesTheBaseClockItBeats() {
        // the Zen 5 VM lists 2096 MHz (base); one core measured 142 GFLOPS with 512-bit FMAs = 4.4 GHz
        PeakModel peak = PeakModel.detect(cpuinfo("zen5-epyc-vm"), "", key -> null, 2, NO_VECTOR_API, () -> 4440);

        assertThat(peak.clockMhz()).isEqualTo(4440);
        assertThat(peak.clockSource()).isEqualTo("FMA probe (cpuinfo lists 2096 MHz)");
        assertThat(peak.fractionOfPeak(142e9, Precision.DOUBLE, 1)).isCloseTo(142e9 / (4440e6 * 32), within(1e-12))
                .isLessThanOrEqualTo(1.0);
        // a probe slower than the listed clock (a busy host) never lowers the peak
        assertThat(PeakModel.detect(cpuinfo("zen5-epyc-vm"), "", key -> null, 2, NO_VECTOR_API, () -> 1500)
                .clockMhz()).isEqualTo(2096.005);
    }

    @Test
    void neverReportsMoreThanAllOfThePeak() {
        PeakModel peak = new PeakModel(1, 2096, "test", 512, 512, 2, true);
        double measured = 1.2 * peak.peakFlops(Precision.DOUBLE, 1); // the 116–124% the base clock gave

        assertThat(peak.fractionOfPeak(measured, Precision.DOUBLE, 1)).isEqualTo(1.0);
        assertThat(peak.exceedsPeak(measured, Precision.DOUBLE, 1)).isTrue();
        assertThat(peak.exceedsPeak(0.9 * measured / 1.2, Precision.DOUBLE, 1)).isFalse();
    }

    @Test
    void cpufreqMaximumBeatsCpuinfoAndTheProbeAndPropertiesBeatAll() {
        assertThat(PeakModel.detect(cpuinfo("zen4-epyc-9654"), "3700000\n", key -> null, 2, NO_VECTOR_API,
                () -> 9999).clockMhz()).isEqualTo(3700);

        Map<String, String> overrides = Map.of(PeakModel.CLOCK_PROPERTY_NAME, "3000",
                PeakModel.FMA_UNITS_PROPERTY_NAME, "1", PeakModel.CORES_PROPERTY_NAME, "1");
        PeakModel peak = PeakModel.detect(cpuinfo("zen4-epyc-9654"), "3700000", overrides::get, 2, NO_VECTOR_API,
                () -> 9999);

        assertThat(peak.clockMhz()).isEqualTo(3000);
        assertThat(peak.clockSource()).isEqualTo("-Dperf.junit.tensor.peak.clock.mhz");
        assertThat(peak.peakFlops(Precision.DOUBLE, 2)).isEqualTo(3000e6 * 8);
    }

    @Test
    void threadsAreCappedAtCores() {
        PeakModel peak = PeakModel.detect(cpuinfo("skylake-sp-platinum-8180"), "", key -> null, 4, NO_VECTOR_API,
                () -> 0);
        assertThat(peak.peakFlops(Precision.DOUBLE, 8)).isEqualTo(peak.peakFlops(Precision.DOUBLE, 4));
    }

    @Test
    void reportsMeasuredFlopsAsAFractionOfPeak() {
        PeakModel peak = new PeakModel(2, 2500, "test", 256, 256, 2, true);

        assertThat(peak.peakFlops(Precision.DOUBLE, 2)).isEqualTo(80e9);
        assertThat(peak.fractionOfPeak(40e9, Precision.DOUBLE, 2)).isEqualTo(0.5);
        assertThat(peak.describe()).contains("80.0 GFLOPS double", "160.0 GFLOPS float");
    }

    @Test
    void anEmptyMachineDescriptionStillYieldsAnAssumedModel() {
        PeakModel peak = PeakModel.detect("", "", key -> null, 1, NO_VECTOR_API, () -> 0);

        assertThat(peak.clockSource()).startsWith("assumed");
        assertThat(peak.peakFlops(Precision.DOUBLE, 1)).isPositive();
    }

    @Test
    void theFmaProbeMeasuresAPlausibleClock() {
        // loose on purpose: a shared CI core may be slowed, but no x86 core runs FMAs at 100 MHz or 10 GHz
        assertThat(FmaClockProbe.measureMhz()).isBetween(100.0, 10_000.0);
        assertThat(PeakModel.detect().peakFlops(Precision.DOUBLE, 1)).isPositive();
    }

    private static String cpuinfo(String fixture) {
        try (InputStream in = PeakModelTests.class.getResourceAsStream("/cpuinfo/" + fixture + ".txt")) {
            assertThat(in).as("fixture " + fixture).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
