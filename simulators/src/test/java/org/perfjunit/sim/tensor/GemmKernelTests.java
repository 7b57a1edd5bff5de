package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("GEMM kernels")
class GemmKernelTests {

    // edge shapes: scalars, k = 1, rows/columns not divisible by the 4×4 / 6×16 / 6×32 tiles,
    // k beyond kc (256 doubles, 512 floats) so several packed panels accumulate into C, n beyond nc (1024)
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 17, 1}, {17, 1, 3}, {5, 7, 1}, {7, 13, 5}, {37, 50, 29}, {150, 70, 300}, {13, 40, 520}, {13, 1100, 3},
    };

    static Stream<Arguments> kernelsAndShapes() {
        List<Arguments> cases = new ArrayList<>();
        for (GemmBackend backend : GemmBackend.availableBackends()) {
            for (int threads : new int[] {1, 2}) {
                for (int[] s : SHAPES) {
                    cases.add(Arguments.of(backend, threads, s[0], s[1], s[2]));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} on {1} thread(s), {2}×{3}×{4}")
    @MethodSource("kernelsAndShapes")
    void equalsTheNaiveProductExactlyOnSmallIntegers(GemmBackend backend, int threads, int m, int n, int k) {
        Random random = new Random(31L * m + 17L * n + k);
        double[] a = smallIntegers(random, m * k);
        double[] b = smallIntegers(random, k * n);
        double[] expected = new double[m * n];
        new NaiveGemm().multiply(m, n, k, a, b, expected);
        float[] af = toFloat(a);
        float[] bf = toFloat(b);
        double[] c = filledWithGarbage(m * n);
        float[] cf = toFloat(filledWithGarbage(m * n));

        try (GemmKernel kernel = backend.create(threads)) {
            kernel.multiply(m, n, k, a, b, c);
            kernel.multiply(m, n, k, af, bf, cf);
        }

        assertThat(c).containsExactly(expected);
        assertThat(cf).containsExactly(toFloat(expected));
    }

    @ParameterizedTest(name = "{0} on {1} thread(s), {2}×{3}×{4}")
    @MethodSource("kernelsAndShapes")
    void staysWithinTheStandardErrorBoundOnRandomInputs(GemmBackend backend, int threads, int m, int n, int k) {
        Random random = new Random(7L * m + n + 3L * k);
        double[] a = uniform(random, m * k);
        double[] b = uniform(random, k * n);
        double[] c = new double[m * n];
        float[] cf = new float[m * n];
        try (GemmKernel kernel = backend.create(threads)) {
            kernel.multiply(m, n, k, a, b, c);
            kernel.multiply(m, n, k, toFloat(a), toFloat(b), cf);
        }
        // exact product of the (float-rounded) inputs, and |A||B|, in extended care: doubles of exact floats
        double gammaDouble = gamma(k, 0x1p-53);
        double gammaFloat = gamma(k, 0x1p-24);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double exact = 0;
                double exactOfFloats = 0;
                double magnitude = 0;
                double magnitudeOfFloats = 0;
                for (int p = 0; p < k; p++) {
                    double x = a[i * k + p];
                    double y = b[p * n + j];
                    exact += x * y;
                    magnitude += Math.abs(x * y);
                    double xf = (float) x;
                    double yf = (float) y;
                    exactOfFloats += xf * yf;
                    magnitudeOfFloats += Math.abs(xf * yf);
                }
                // the double reference itself errs by at most γ_k·|A||B|, hence the factor 2
                assertThat(Math.abs(c[i * n + j] - exact)).isLessThanOrEqualTo(2 * gammaDouble * magnitude);
                assertThat(Math.abs(cf[i * n + j] - exactOfFloats))
                        .isLessThanOrEqualTo(gammaFloat * magnitudeOfFloats + gammaDouble * magnitudeOfFloats);
            }
        }
    }

    @Test
    void naiveIsAlwaysAvailableAndBestPrefersTheVectorBackendWhenItLoads() {
        assertThat(GemmBackend.NAIVE.available()).isTrue();
        assertThat(GemmBackend.BLOCKED.unavailableReason()).isEmpty();
        assertThat(GemmBackend.best())
                .isEqualTo(GemmBackend.VECTOR.available() ? GemmBackend.VECTOR : GemmBackend.BLOCKED);
    }

    @Test
    void kernelNamesCarryTheThreadCount() {
        try (GemmKernel kernel = GemmBackend.BLOCKED.create(2)) {
            assertThat(kernel.name()).isEqualTo("blocked-2t");
            assertThat(kernel.threads()).isEqualTo(2);
        }
    }

    @Test
    void rejectsArraysTooSmallForTheShape() {
        try (GemmKernel kernel = GemmBackend.BLOCKED.create(1)) {
            assertThatThrownBy(() -> kernel.multiply(2, 2, 2, new double[3], new double[4], new double[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m=2 n=2 k=2");
        }
    }

    // Over-long arrays used to be accepted, so a wrong m/n/k silently multiplied the leading sub-arrays.
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void rejectsArraysLongerThanTheShape(GemmBackend backend) {
        try (GemmKernel kernel = backend.create(1)) {
            assertThatThrownBy(() -> kernel.multiply(2, 2, 2, new double[4], new double[4], new double[5]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("need a=4 b=4 c=4");
            assertThatThrownBy(() -> kernel.multiply(2, 2, 2, new float[5], new float[4], new float[4]))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got a=5 b=4 c=4");
        }
    }

    // Checks the aliasing cases the independent review found wrong in 26 of 30 backend × case combinations
    // (errors up to 5.7e10 or Inf): c == a, c == b and a == b == c. The documented choice is to fail clearly,
    // for every backend, thread count and precision, and to leave c untouched.
    @ParameterizedTest(name = "{0} on {1} thread(s), {2}")
    @MethodSource("aliasingCases")
    void rejectsAnOutputThatIsAlsoAnInputInsteadOfReturningAWrongProduct(
            GemmBackend backend, int threads, String alias) {
        int n = 37;
        double[] a = smallIntegers(new Random(5), n * n);
        double[] b = smallIntegers(new Random(6), n * n);
        boolean all = alias.equals("a == b == c");
        double[] bd = all ? a : b;
        double[] cd = alias.equals("c == b") ? b : a;
        double[] before = cd.clone();
        float[] af = toFloat(a);
        float[] bf = all ? af : toFloat(b);
        float[] cf = alias.equals("c == b") ? bf : af;
        try (GemmKernel kernel = backend.create(threads)) {
            assertThatThrownBy(() -> kernel.multiply(n, n, n, a, bd, cd))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("c must not be the same array as");
            assertThatThrownBy(() -> kernel.multiply(n, n, n, af, bf, cf))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pass a separate output array");
        }
        assertThat(cd).containsExactly(before);
    }

    // a == b only reads the same array twice, so A·A must be computed, and exactly on small integers.
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void squaresAMatrixPassedAsBothInputs(GemmBackend backend) {
        int n = 37;
        double[] a = smallIntegers(new Random(8), n * n);
        double[] expected = new double[n * n];
        new NaiveGemm().multiply(n, n, n, a, a.clone(), expected);
        double[] c = new double[n * n];
        try (GemmKernel kernel = backend.create(2)) {
            kernel.multiply(n, n, n, a, a, c);
        }
        assertThat(c).containsExactly(expected);
    }

    // NAIVE.create(0) used to be accepted while BLOCKED and VECTOR rejected it.
    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void everyBackendRejectsZeroThreads(GemmBackend backend) {
        assertThatThrownBy(() -> backend.create(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threads must be at least 1, was 0");
    }

    static Stream<GemmBackend> backends() {
        return GemmBackend.availableBackends().stream();
    }

    static Stream<Arguments> aliasingCases() {
        List<Arguments> cases = new ArrayList<>();
        for (GemmBackend backend : GemmBackend.availableBackends()) {
            for (int threads : new int[] {1, 2}) {
                for (String alias : new String[] {"c == a", "c == b", "a == b == c"}) {
                    cases.add(Arguments.of(backend, threads, alias));
                }
            }
        }
        return cases.stream();
    }

    @Test
    void countsTwoFlopsPerMultiplyAdd() {
        assertThat(GemmKernel.flops(1024, 1024, 1024)).isEqualTo(2.0 * (1 << 30));
    }

    private static double gamma(int k, double unitRoundoff) {
        return k * unitRoundoff / (1 - k * unitRoundoff);
    }

    private static double[] smallIntegers(Random random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(9) - 4;
        }
        return values;
    }

    private static double[] uniform(Random random, int size) {
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextDouble() * 2 - 1;
        }
        return values;
    }

    private static double[] filledWithGarbage(int size) {
        double[] values = new double[size];
        java.util.Arrays.fill(values, 12345);
        return values;
    }

    private static float[] toFloat(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
