package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Sharing out the collections' pauses, on injected samples. */
@DisplayName("Pause sharing")
class PauseSharingTests {

    /** Nine samples of 12 calls at 50 µs each, and one that also met a 3 ms pause. */
    private static List<Sample> oneSampleMetAPause() {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            samples.add(new Sample(600_000, 600_000, 0, 0, 0, 12));
        }
        samples.add(new Sample(3_600_000, 600_000, 0, 1, 3, 12));
        return samples;
    }

    @Test
    @DisplayName("every sample carries its share of the pauses, so the median counts the collections")
    void medianCountsThePauses() {
        double[] perOperation = PauseSharing.nanosPerOperation(oneSampleMetAPause());

        // 3 ms over 120 calls: 25 µs per call on top of the 50 µs the calls themselves took
        assertThat(perOperation).containsOnly(75_000.0);
    }

    @Test
    @DisplayName("the mean is kept: the collections' time is moved between samples, not added or removed")
    void meanKept() {
        List<Sample> samples = oneSampleMetAPause();
        samples.set(2, new Sample(2_100_000, 600_000, 0, 2, 1, 12)); // 1.5 ms more than its calls, 1 ms reported
        double rawMean = samples.stream().mapToDouble(Sample::nanosPerOperation).average().orElseThrow();

        double[] perOperation = PauseSharing.nanosPerOperation(samples);

        assertThat(Arrays.stream(perOperation).average().orElseThrow()).isCloseTo(rawMean, within(1e-6));
        assertThat(perOperation).containsOnly(perOperation[0]);
    }

    @Test
    @DisplayName("what a collection added to its sample is shared, also beyond the pause the JVM reported")
    void beyondTheReportedPause() {
        List<Sample> samples = oneSampleMetAPause();
        samples.set(9, new Sample(1_400_000, 600_000, 0, 1, 0, 12)); // 0.8 ms more than its calls, 0 ms reported

        double[] perOperation = PauseSharing.nanosPerOperation(samples);

        // 0.8 ms over 120 calls on top of 50 µs each
        assertThat(perOperation).containsOnly(new double[] {50_000 + 800_000 / 120.0}, within(1e-6));
    }

    @Test
    @DisplayName("where every sample met a collection, the reported pauses are what is shared")
    void everySampleMetOne() {
        List<Sample> samples = List.of(new Sample(1_600_000, 600_000, 0, 1, 1, 12),
                new Sample(1_100_000, 600_000, 0, 1, 0, 12));

        double[] perOperation = PauseSharing.nanosPerOperation(samples);

        assertThat(perOperation[0]).isCloseTo(600_000 / 12.0 + 1_000_000 / 24.0, within(1e-6));
        assertThat(perOperation[1]).isCloseTo(1_100_000 / 12.0 + 1_000_000 / 24.0, within(1e-6));
    }

    @Test
    @DisplayName("a pause reported longer than its sample (whole milliseconds) is taken out only down to zero")
    void pauseCappedAtTheSample() {
        List<Sample> samples = List.of(new Sample(400_000, 400_000, 0, 0, 0, 4),
                new Sample(900_000, 100_000, 0, 1, 1, 4)); // 0.8 ms of pause, reported as 1 ms

        double[] perOperation = PauseSharing.nanosPerOperation(samples);

        assertThat(perOperation[1]).isEqualTo(900_000 / 8.0);
        assertThat(perOperation[0]).isEqualTo(100_000 + 900_000 / 8.0);
    }

    @Test
    @DisplayName("samples without a collection are left as measured")
    void noCollectionNoChange() {
        List<Sample> samples = List.of(new Sample(1_000, 1_000, 0, 0, 0, 10), new Sample(1_300, 1_000, 0, 0, 0, 10));

        assertThat(PauseSharing.nanosPerOperation(samples)).containsExactly(100.0, 130.0);
    }

    @Test
    @DisplayName("a measurement shares the pauses only when it says so (batches on one thread)")
    void onlyWhenShared() {
        List<Sample> samples = oneSampleMetAPause();

        assertThat(measurement(samples, true).nanosPerOperation()).containsOnly(75_000.0);
        assertThat(measurement(samples, false).nanosPerOperation()).containsOnly(50_000.0, 300_000.0);
    }

    private static Measurement measurement(List<Sample> samples, boolean pausesShared) {
        return new Measurement(samples, new long[0], 12, 1, 0, 0, true, "iterations", 9_000_000, 1, null, false,
                pausesShared);
    }
}
