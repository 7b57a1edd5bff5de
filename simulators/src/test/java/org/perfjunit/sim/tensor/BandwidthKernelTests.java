package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Element-wise operations and reductions")
class BandwidthKernelTests {

    private final float[] x = {1, -2, 3, -4, 5, 0.5f, -0.25f};
    private final float[] y = {2, 2, 2, 2, 2, 2, 2};

    @Test
    void elementwiseOperationsComputeTheirFormulas() {
        assertThat(apply(ElementwiseOp.ADD)).containsExactly(3, 0, 5, -2, 7, 2.5f, 1.75f);
        assertThat(apply(ElementwiseOp.MULTIPLY)).containsExactly(2, -4, 6, -8, 10, 1, -0.5f);
        assertThat(apply(ElementwiseOp.AXPY)).containsExactly(4, -2, 8, -6, 12, 3, 1.5f);
        assertThat(apply(ElementwiseOp.RELU)).containsExactly(1, 0, 3, 0, 5, 0.5f, 0);
        assertThat(apply(ElementwiseOp.COPY)).containsExactly(x);
    }

    @Test
    void bytesMovedCountEveryInputReadAndTheOutputWrittenOnce() {
        assertThat(ElementwiseOp.ADD.bytesMoved(1_000)).isEqualTo(12_000);
        assertThat(ElementwiseOp.RELU.bytesMoved(1_000)).isEqualTo(8_000);
        assertThat(Reduction.SUM.bytesMoved(1_000)).isEqualTo(4_000);
        assertThat(Reduction.DOT.bytesMoved(1_000)).isEqualTo(8_000);
        assertThat(ElementwiseOp.gigabytesPerSecond(12_000_000_000L, 1_000_000_000L)).isEqualTo(12.0);
    }

    @Test
    void reductionsComputeTheirFormulasIncludingTheTailAfterTheUnrolledPart() {
        assertThat(Reduction.SUM.apply(x, x)).isEqualTo(3.25);
        assertThat(Reduction.MAX.apply(x, x)).isEqualTo(5);
        assertThat(Reduction.DOT.apply(x, y)).isEqualTo(6.5);
        assertThat(Reduction.SQUARED_NORM.apply(x, x)).isEqualTo(55.3125);
        assertThat(Reduction.MAX.apply(new float[0], new float[0])).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void unrolledReductionsAgreeWithASimpleLoopOnLongerArrays() {
        float[] a = new float[37];
        float[] b = new float[37];
        double sum = 0;
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            a[i] = i % 5 - 2;
            b[i] = i % 3;
            sum += a[i];
            dot += a[i] * b[i];
        }
        assertThat(Reduction.SUM.apply(a, a)).isEqualTo(sum);
        assertThat(Reduction.DOT.apply(a, b)).isEqualTo(dot);
        assertThat(Reduction.SQUARED_NORM.apply(b, b)).isEqualTo(Reduction.DOT.apply(b, b));
    }

    @Test
    void largeSumsKeepDoublePrecision() {
        float[] values = new float[65];
        java.util.Arrays.fill(values, 1f);
        values[0] = 0x1p24f;
        // a float accumulator holding 2^24 drops every +1 that lands on it
        assertThat(Reduction.SUM.apply(values, values)).isEqualTo(0x1p24 + 64);
    }

    @Test
    void binaryOperationsRejectAShortSecondInput() {
        assertThatThrownBy(() -> ElementwiseOp.ADD.apply(x, new float[2], new float[7]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reduction.DOT.apply(x, new float[2])).isInstanceOf(IllegalArgumentException.class);
    }

    private float[] apply(ElementwiseOp op) {
        float[] out = new float[x.length];
        op.apply(x, y, out);
        return out;
    }
}
