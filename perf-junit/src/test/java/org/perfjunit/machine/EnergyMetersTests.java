package org.perfjunit.machine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class EnergyMetersTests {

    private final RaplEnergyMeter noRapl = new RaplEnergyMeter(java.nio.file.Path.of("/nonexistent/powercap"));
    private final NvidiaSmiEnergyMeter noSmi = new NvidiaSmiEnergyMeter(command -> {
        throw new IOException("nvidia-smi not found");
    });

    @Test
    void explainsEveryMeterItTriedWhenNoneIsAvailable() {
        MeterSelection selection = new EnergyMeters(List.of(noRapl, noSmi)).select();
        assertThat(selection.meter()).isEmpty();
        assertThat(selection.explanation()).isEqualTo("no meter: tried rapl (no /nonexistent/powercap/intel-rapl:*"
                + " package domains), nvidia-smi (nvidia-smi not found)");
        assertThat(selection.skipReason()).isEqualTo("No energy source for @MaxEnergy: the test reported no energy"
                + " through PerfContext and " + selection.explanation());
    }

    @Test
    void picksTheFirstAvailableMeter() {
        NvidiaSmiEnergyMeter smi = new NvidiaSmiEnergyMeter(command -> "1500.0\n2500.0\n");
        MeterSelection selection = new EnergyMeters(List.of(noRapl, smi)).select();
        assertThat(selection.meter()).containsSame(smi);
        assertThat(selection.explanation()).isEqualTo("nvidia-smi (total_energy_consumption 4000.0 mJ)");
        assertThat(selection.unavailable()).containsExactly("rapl (no /nonexistent/powercap/intel-rapl:* package domains)");
    }

    @Test
    void aMeterWhoseProbeThrowsCountsAsUnavailable() {
        EnergyMeter broken = new EnergyMeter() {
            public String name() {
                return "broken";
            }

            public Availability probe() {
                throw new IllegalStateException("boom");
            }

            public EnergyReading start() {
                throw new UnsupportedOperationException();
            }
        };
        assertThat(new EnergyMeters(List.of(broken)).select().explanation())
                .isEqualTo("no meter: tried broken (probe failed: java.lang.IllegalStateException: boom)");
    }

    @Test
    void nvidiaSmiMeasuresTheDifferenceOfItsMillijouleCounters() {
        long[] counter = {10_000};
        NvidiaSmiEnergyMeter smi = new NvidiaSmiEnergyMeter(command -> {
            assertThat(command).isEqualTo(NvidiaSmiEnergyMeter.QUERY);
            return counter[0] + "\n";
        });
        EnergyReading reading = smi.start();
        counter[0] = 12_500;
        assertThat(reading.stopJoules()).isCloseTo(2.5, within(1e-9));
    }

    @Test
    void nvidiaSmiWithoutEnergyCounterIsUnavailable() {
        NvidiaSmiEnergyMeter smi = new NvidiaSmiEnergyMeter(command -> "[N/A]\n");
        assertThat(smi.probe()).isEqualTo(
                Availability.unavailable("nvidia-smi total_energy_consumption unsupported (got [[N/A]])"));
    }

    @Test
    void builtInMetersAreRegisteredInOrder() {
        MeterSelection selection = EnergyMeters.load().select();
        List<String> names = new java.util.ArrayList<>(selection.unavailable().stream().map(s -> s.split(" ")[0]).toList());
        selection.meter().ifPresent(m -> names.add(m.name()));
        assertThat(names).startsWith("rapl");
    }
}
