package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.DoubleStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@DisplayName("Sampler, paired A/B")
class PairedSamplingTests {

    private final FakeJvm jvm = new FakeJvm();
    private final Sampler sampler = new Sampler(jvm, jvm, SamplingListener.NONE);
    private final Operation candidate = () -> {
        jvm.work(1_100, 0);
        return null;
    };
    private final Operation reference = () -> {
        jvm.work(1_000, 0);
        return null;
    };

    /** Adaptive rounds (no fixed iterations), one warm-up batch, up to {@code maxRounds}. */
    private static SamplerSettings sequential(int maxRounds) {
        return SamplerSettings.defaults().withWarmupIterations(1).withSampleCounts(-1, 10, maxRounds)
                .withTimes(Duration.ZERO, Duration.ofHours(1));
    }

    @Test
    @DisplayName("looks at 30 rounds and at each doubling, and stops at the first look that decides")
    void stopsAtTheFirstDecidingLook() throws Throwable {
        List<Integer> looks = new ArrayList<>();
        double[][] pairs = sampler.measurePaired(candidate, reference, sequential(1000), seen -> {
            looks.add(seen[0].length);
            return seen[0].length >= 120;
        });
        assertThat(looks).containsExactly(30, 60, 120);
        assertThat(pairs[0]).hasSize(120);
        assertThat(pairs[1]).hasSize(120);
    }

    @Test
    @DisplayName("without a deciding look, samples up to maxSamples rounds")
    void capsAtMaxSamples() throws Throwable {
        List<Integer> looks = new ArrayList<>();
        double[][] pairs = sampler.measurePaired(candidate, reference, sequential(100), seen -> {
            looks.add(seen[0].length);
            return false;
        });
        assertThat(looks).containsExactly(30, 60);
        assertThat(pairs[0]).hasSize(100);
    }

    @Test
    @DisplayName("fixed iterations take exactly that many rounds and never look")
    void fixedIterationsNeverLook() throws Throwable {
        List<Integer> looks = new ArrayList<>();
        double[][] pairs = sampler.measurePaired(candidate, reference,
                SamplerSettings.defaults().withWarmupIterations(1).withIterations(45), seen -> looks.add(1));
        assertThat(looks).isEmpty();
        assertThat(pairs[0]).hasSize(45);
    }

    @Test
    @DisplayName("both sides warm up together, batch by batch, not one after the other")
    void warmsUpBothSidesTogether() throws Throwable {
        List<String> calls = new ArrayList<>();
        Operation a = () -> {
            calls.add("a");
            jvm.work(1_100, 0);
            return null;
        };
        Operation b = () -> {
            calls.add("b");
            jvm.work(1_000, 0);
            return null;
        };
        SamplerSettings adaptiveWarmup = SamplerSettings.defaults().withIterations(2)
                .withMaxWarmup(Duration.ofMillis(50));

        sampler.measurePaired(a, b, adaptiveWarmup, PairedStop.NEVER);

        int switches = 0;
        for (int i = 1; i < calls.size(); i++) {
            switches += calls.get(i).equals(calls.get(i - 1)) ? 0 : 1;
        }
        // one after the other: a's calibration, b's, a's warm-up, b's, 2 rounds, re-calibration: under 10 switches
        assertThat(switches).as("side switches over %d calls", calls.size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    @DisplayName("both sides run the same batch, and each pair's times are per operation of its own side")
    void commonBatchPerOperationTimes() throws Throwable {
        double[][] pairs = sampler.measurePaired(candidate, reference, sequential(30), PairedStop.NEVER);
        assertThat(DoubleStream.of(pairs[0]).boxed()).allSatisfy(t -> assertThat(t).isCloseTo(1_100, within(2.0)));
        assertThat(DoubleStream.of(pairs[1]).boxed()).allSatisfy(t -> assertThat(t).isCloseTo(1_000, within(2.0)));
        assertThat(DoubleStream.of(pairs[2]).boxed()).allSatisfy(t -> assertThat(t).isCloseTo(1_100, within(2.0)));
    }

    @Test
    @DisplayName("pairs from before one side changed speed are dropped as late warm-up")
    void dropsPairsFromBeforeADrift() throws Throwable {
        boolean[] slow = {false};
        Operation changing = () -> {
            jvm.work(slow[0] ? 2_000 : 1_000, 0);
            return null;
        };
        List<Integer> looks = new ArrayList<>();
        double[][] pairs = sampler.measurePaired(changing, reference, sequential(1000), seen -> {
            looks.add(seen[0].length);
            slow[0] = true; // from round 31 the candidate runs twice as long: the look at 60 sees the drift
            return seen[0].length > 30;
        });
        assertThat(looks).containsExactly(30, 90);
        assertThat(DoubleStream.of(pairs[0]).boxed()).hasSize(90).allSatisfy(t -> assertThat(t).isCloseTo(2_000, within(2.0)));
    }

    @Test
    @DisplayName("drift is a significant shift of the per-pair ratio of at least 1% between the halves")
    void driftNeedsASignificantShiftOfAtLeastOnePercent() {
        assertThat(Sampler.drifted(pairs(1.0, 1.0), pairs(2.0, 1.0))).isTrue();
        assertThat(Sampler.drifted(pairs(1.0, 1.0), pairs(1.0, 1.0))).isFalse();
        assertThat(Sampler.drifted(pairs(1.0, 1.0), pairs(1.005, 1.0))).as("0.5%: below the least drift").isFalse();
    }

    /** 30 samples: the first 15 take {@code older} µs per operation, the last 15 {@code newer}, with a little jitter. */
    private static List<Sample> pairs(double older, double newer) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double micros = (i < 15 ? older : newer) * (1 + (i % 5) * 0.0001);
            samples.add(new Sample((long) (micros * 1_000_000), -1, 0, 0, 0, 1_000));
        }
        return samples;
    }
}
