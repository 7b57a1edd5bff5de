package org.perfjunit.sim.spiking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpikingSelfAttentionTests {

    @Test
    void spikeDrivenProductEqualsTheNaiveQKTransposeTimesV() {
        boolean[][][] m = SpikingSelfAttention.randomSpikes(3, 6, 5, 0.4, 1);
        long[] acc = new long[1];
        int[][] y = SpikingSelfAttention.attend(m[0], m[1], m[2], acc);
        for (int i = 0; i < 6; i++) {
            for (int e = 0; e < 5; e++) {
                int naive = 0;
                for (int j = 0; j < 6; j++) {
                    int score = 0;
                    for (int d = 0; d < 5; d++) {
                        score += m[0][i][d] && m[1][j][d] ? 1 : 0;
                    }
                    naive += score * (m[2][j][e] ? 1 : 0);
                }
                assertThat(y[i][e]).isEqualTo(naive);
            }
        }
        long qSpikes = 0;
        long kSpikes = 0;
        for (int i = 0; i < 6; i++) {
            for (int d = 0; d < 5; d++) {
                qSpikes += m[0][i][d] ? 1 : 0;
                kSpikes += m[1][i][d] ? 1 : 0;
            }
        }
        assertThat(acc[0]).isEqualTo((qSpikes + kSpikes) * 5);
    }

    @Test
    void silenceInGivesSilenceOutAndNoWork() {
        SpikingSelfAttention.Result r = new SpikingSelfAttention(8, 16, 3).run(new boolean[4][8][16]);
        assertThat(r.spikes()).isZero();
        assertThat(r.accumulates()).isZero();
        assertThat(r.equivalentMacs()).isEqualTo(4L * (4 * 8 * 16 * 16 + 2 * 8 * 8 * 16));
    }

    @Test
    void sameSeedSameOutputAndFewerAdditionsThanAnnMacs() {
        boolean[][][] x = SpikingSelfAttention.randomSpikes(8, 16, 32, 0.2, 5);
        SpikingSelfAttention.Result a = new SpikingSelfAttention(16, 32, 7).run(x);
        SpikingSelfAttention.Result b = new SpikingSelfAttention(16, 32, 7).run(x);
        assertThat(a.output()).isDeepEqualTo(b.output());
        assertThat(a.spikes()).isPositive().isEqualTo(b.spikes());
        assertThat(a.accumulates()).isPositive().isLessThan(a.equivalentMacs());
    }
}
