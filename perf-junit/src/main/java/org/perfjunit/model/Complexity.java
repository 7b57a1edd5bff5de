package org.perfjunit.model;

import java.util.function.DoubleUnaryOperator;

/**
 * Asymptotic growth classes a scaling test can be fitted to and asserted against, ordered from
 * slowest to fastest growth. {@link #growth(double)} is the g(n) of the model
 * {@code t(n) = a + b·g(n)} that {@code org.perfjunit.stats.ComplexityFitter} fits.
 *
 * <pre>{@code
 * @ParameterizedTest
 * @ValueSource(ints = {1_000, 2_000, 4_000, 8_000, 16_000})
 * @Performance
 * @ExpectComplexity(Complexity.O_N_LOG_N)
 * void sorts(int n) { ... }
 * }</pre>
 */
public enum Complexity {
    /** Constant time. */
    O_1("O(1)", n -> 1.0),
    /** Logarithmic time. */
    O_LOG_N("O(log n)", Math::log),
    /** Linear time. */
    O_N("O(n)", n -> n),
    /** Linearithmic time. */
    O_N_LOG_N("O(n log n)", n -> n * Math.log(n)),
    /** Quadratic time. */
    O_N2("O(n²)", n -> n * n),
    /** Cubic time. */
    O_N3("O(n³)", n -> n * n * n);

    private final String label;
    private final DoubleUnaryOperator growth;

    Complexity(String label, DoubleUnaryOperator growth) {
        this.label = label;
        this.growth = growth;
    }

    /** The label used in messages and reports, e.g. {@code O(n log n)}. */
    public String label() {
        return label;
    }

    /** g(n) for this class; sizes must be at least 1 (log 1 = 0). */
    public double growth(double n) {
        return growth.applyAsDouble(n);
    }

    /** True when this class grows strictly faster than {@code other}. */
    public boolean isWorseThan(Complexity other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return label;
    }
}
