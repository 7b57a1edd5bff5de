package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.perfjunit.sim.tensor.PeakModel.Precision;

@DisplayName("PeakModel")
class PeakModelTests {

    private static final String ZEN4 = "vendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 17\n"
            + "cpu MHz\t\t: 2596.140\nflags\t\t: fpu sse sse2 fma avx avx2 avx512f avx512dq\n";
    private static final String SKYLAKE_SP = "vendor_id\t: GenuineIntel\ncpu family\t: 6\n"
            + "cpu MHz\t\t: 2000.000\nflags\t\t: fpu sse2 fma avx avx2 avx512f\n";
    private static final String OLD_AVX = "vendor_id\t: GenuineIntel\ncpu family\t: 6\n"
            + "cpu MHz\t\t: 3000.000\nflags\t\t: fpu sse2 avx\n";
    private static final VectorSupport NO_VECTOR_API = VectorSupport.detect(Optional.empty(), "true");

    @Test
    void zen4RunsAvx512OnTwo256BitPipesSoADoubleCoreDoes16FlopsPerCycle() {
        PeakModel peak = PeakModel.detect(ZEN4, "", key -> null, 2, NO_VECTOR_API);

        assertThat(peak.vectorBits()).isEqualTo(512);
        assertThat(peak.fmaDatapathBits()).isEqualTo(256);
        assertThat(peak.flopsPerCycle(Precision.DOUBLE)).isEqualTo(16);
        assertThat(peak.flopsPerCycle(Precision.FLOAT)).isEqualTo(32);
        assertThat(peak.peakFlops(Precision.DOUBLE, 2)).isCloseTo(2 * 2596.14e6 * 16, within(1.0));
        assertThat(peak.clockSource()).startsWith("/proc/cpuinfo");
    }

    @Test
    void intelAvx512CoresUseTheFull512BitDatapath() {
        PeakModel peak = PeakModel.detect(SKYLAKE_SP, "", key -> null, 4, NO_VECTOR_API);

        assertThat(peak.flopsPerCycle(Precision.DOUBLE)).isEqualTo(32);
        assertThat(peak.peakFlops(Precision.DOUBLE, 8)).as("threads are capped at cores")
                .isEqualTo(peak.peakFlops(Precision.DOUBLE, 4));
    }

    @Test
    void withoutFmaAMultiplyAndAnAddPipeCountOnceEach() {
        PeakModel peak = PeakModel.detect(OLD_AVX, "", key -> null, 1, NO_VECTOR_API);

        assertThat(peak.hasFma()).isFalse();
        assertThat(peak.flopsPerCycle(Precision.DOUBLE)).isEqualTo(8);
    }

    @Test
    void cpufreqMaximumBeatsCpuinfoAndPropertiesBeatBoth() {
        assertThat(PeakModel.detect(ZEN4, "3700000\n", key -> null, 2, NO_VECTOR_API).clockMhz()).isEqualTo(3700);

        Map<String, String> overrides = Map.of(PeakModel.CLOCK_PROPERTY_NAME, "3000",
                PeakModel.FMA_UNITS_PROPERTY_NAME, "1", PeakModel.CORES_PROPERTY_NAME, "1");
        PeakModel peak = PeakModel.detect(ZEN4, "3700000", overrides::get, 2, NO_VECTOR_API);

        assertThat(peak.clockMhz()).isEqualTo(3000);
        assertThat(peak.clockSource()).isEqualTo("-Dperf.junit.tensor.peak.clock.mhz");
        assertThat(peak.peakFlops(Precision.DOUBLE, 2)).isEqualTo(3000e6 * 8);
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
        PeakModel peak = PeakModel.detect("", "", key -> null, 1, NO_VECTOR_API);

        assertThat(peak.clockSource()).startsWith("assumed");
        assertThat(peak.peakFlops(Precision.DOUBLE, 1)).isPositive();
    }

    @Test
    void detectsThisMachine() {
        assertThat(PeakModel.detect().peakFlops(Precision.DOUBLE, 1)).isPositive();
    }
}
