package org.perfjunit.baseline;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class CalibrationWorkloadTests {

    @Test
    void theScoreIsTheMedianRunTimeReadFromTheClock() {
        AtomicLong fake = new AtomicLong();
        long[] steps = {0, 100, 1000, 1300, 2000, 2200}; // runs of 100, 300, 200 ns
        AtomicLong call = new AtomicLong();
        double score = new CalibrationWorkload(() -> steps[(int) call.getAndIncrement()] + fake.get()).measureNanos();
        assertThat(score).isEqualTo(200);
    }

    @Test
    void theKernelIsDeterministicAndTheWalkVisitsEveryIndex() {
        int[] cycle = CalibrationWorkload.permutationCycle(1000);
        boolean[] seen = new boolean[1000];
        int position = 0;
        for (int i = 0; i < 1000; i++) {
            seen[position] = true;
            position = cycle[position];
        }
        assertThat(position).isZero();
        assertThat(seen).doesNotContain(false);
        assertThat(CalibrationWorkload.runOnce(cycle)).isEqualTo(CalibrationWorkload.runOnce(cycle));
    }
}
