package org.perfjunit.stats;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.perfjunit.model.Complexity;

import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class ComplexityFitterTests {

    private static final int TRIALS = 1000;
    private static final int SIZES = 8;

    @Test
    void noiseFreeQuadraticSeriesIsFittedExactly() {
        double[] n = sizes();
        double[] t = new double[SIZES];
        for (int i = 0; i < SIZES; i++) {
            t[i] = 40 + 2.5 * n[i] * n[i];
        }
        ComplexityFit fit = ComplexityFitter.fit(n, t);
        assertThat(fit.complexity()).isEqualTo(Complexity.O_N2);
        assertThat(fit.coefficient()).isCloseTo(2.5, within(1e-6));
        assertThat(fit.intercept()).isCloseTo(40, within(1e-3));
        assertThat(fit.rSquared()).isCloseTo(1, within(1e-12));
        assertThat(fit.description()).startsWith("O(n²): t ≈ 40.00 ns + 2.500 ns·n² (R² 1.0000, rms error 0.0%, 8 sizes)");
    }

    @Test
    void flatSeriesIsConstant() {
        ComplexityFit fit = ComplexityFitter.fit(new double[] {10, 100, 1000, 10_000}, new double[] {50, 51, 49, 50});
        assertThat(fit.complexity()).isEqualTo(Complexity.O_1);
        assertThat(fit.predict(1e9)).isCloseTo(50, within(0.5));
    }

    @Test
    void tooFewSizesAreRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ComplexityFitter.fit(new double[] {10, 10, 20}, new double[] {1, 2, 3}))
                .withMessage("a complexity fit needs at least 3 distinct sizes, got 2");
    }

    /**
     * The documented accuracy: 1000 seeded trials per class of 8 doubling sizes (1000..128000)
     * with 5% multiplicative Gaussian noise. README figures come from this test's output.
     */
    @ParameterizedTest
    @EnumSource(value = Complexity.class, names = {"O_1", "O_N", "O_N_LOG_N", "O_N2", "O_N3"})
    void recoversTheTrueClassInAtLeast95PercentOfNoisyTrials(Complexity truth) {
        Map<Complexity, Integer> chosen = trials(truth);
        System.out.println("complexity accuracy " + truth.label() + ": " + chosen);
        assertThat(chosen.getOrDefault(truth, 0)).isGreaterThanOrEqualTo(950);
    }

    /** Logarithmic growth (t rises ~30% over the range) is the hardest to tell from O(1): documented as weak. */
    @Test
    void logarithmicSeriesIsRecoveredLessReliably() {
        Map<Complexity, Integer> chosen = trials(Complexity.O_LOG_N);
        System.out.println("complexity accuracy O(log n): " + chosen);
        assertThat(chosen.getOrDefault(Complexity.O_LOG_N, 0)).isGreaterThanOrEqualTo(700);
        assertThat(chosen.keySet()).allMatch(c -> !c.isWorseThan(Complexity.O_N) || chosen.get(c) < 10);
    }

    private static Map<Complexity, Integer> trials(Complexity truth) {
        Random random = new Random(20_240_601L + truth.ordinal());
        Map<Complexity, Integer> chosen = new EnumMap<>(Complexity.class);
        double[] n = sizes();
        for (int trial = 0; trial < TRIALS; trial++) {
            double[] t = new double[SIZES];
            for (int i = 0; i < SIZES; i++) {
                double exact = truth == Complexity.O_1 ? 5_000 : 100 + 10 * truth.growth(n[i]);
                t[i] = exact * (1 + 0.05 * random.nextGaussian());
            }
            chosen.merge(ComplexityFitter.fit(n, t).complexity(), 1, Integer::sum);
        }
        return chosen;
    }

    private static double[] sizes() {
        double[] n = new double[SIZES];
        for (int i = 0; i < SIZES; i++) {
            n[i] = 1000L << i;
        }
        return n;
    }

    @Test
    void aFlatPerElementCostWithNoiseIsConsistentWithLinearEvenWhenLinearithmicFitsBest() {
        // an FNV hash over 16 K to 256 K bytes: 1.2 to 1.5 ns per byte, the drift of a shared machine
        double[] sizes = {16_384, 32_768, 65_536, 131_072, 262_144};
        double[] perByte = {1.3, 1.2, 1.45, 1.35, 1.5};
        double[] nanos = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            nanos[i] = sizes[i] * perByte[i];
        }
        ComplexityFit fit = ComplexityFitter.fit(sizes, nanos);
        assertThat(fit.complexity()).isEqualTo(Complexity.O_N_LOG_N);
        assertThat(fit.fitsAsWell()).contains(Complexity.O_N, Complexity.O_N_LOG_N);
        assertThat(fit.consistentWith(Complexity.O_N)).isTrue();
    }

    @Test
    void aQuadraticSeriesWithTheSameNoiseIsNotConsistentWithLinear() {
        double[] sizes = {16_384, 32_768, 65_536, 131_072, 262_144};
        double[] noise = {1.0, 1.05, 0.95, 1.1, 0.9};
        double[] nanos = new double[sizes.length];
        for (int i = 0; i < sizes.length; i++) {
            nanos[i] = 1e-3 * sizes[i] * sizes[i] * noise[i];
        }
        ComplexityFit fit = ComplexityFitter.fit(sizes, nanos);
        assertThat(fit.complexity()).isEqualTo(Complexity.O_N2);
        assertThat(fit.consistentWith(Complexity.O_N)).isFalse();
        assertThat(fit.consistentWith(Complexity.O_N2)).isTrue();
    }
}
