package org.perfjunit.stats;

import org.perfjunit.model.Complexity;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * The result of fitting {@code t(n) = a + b·g(n)} to a scaling series: the chosen
 * {@link Complexity} class and how well it fits.
 *
 * @param complexity      the chosen growth class
 * @param intercept       a, in the unit of the times (ns)
 * @param coefficient     b, time per unit of g(n) (ns); 0 for {@link Complexity#O_1}
 * @param rSquared        coefficient of determination of the chosen model on the raw times
 * @param relativeRmsError root mean square of the relative residuals (t - fit) / t
 * @param points          number of (size, time) points fitted
 * @param fitsAsWell      every class whose fit is not significantly worse than the chosen one (an F-test
 *                        on the residuals at {@link ComplexityFitter#INDISTINGUISHABLE_ALPHA}), the chosen
 *                        one included: within the noise of these points, any of them explains the series
 */
public record ComplexityFit(Complexity complexity, double intercept, double coefficient, double rSquared,
        double relativeRmsError, int points, Set<Complexity> fitsAsWell) {

    public ComplexityFit {
        fitsAsWell = fitsAsWell.isEmpty() ? EnumSet.of(complexity) : EnumSet.copyOf(fitsAsWell);
    }

    /**
     * Whether the points cannot tell the chosen class from one no worse than {@code declared}: the fit
     * says "worse", but a class within the declared bound explains the series as well.
     */
    public boolean consistentWith(Complexity declared) {
        return fitsAsWell.stream().anyMatch(c -> !c.isWorseThan(declared));
    }

    /** The fitted time at size {@code n}. */
    public double predict(double n) {
        return complexity == Complexity.O_1 ? intercept : intercept + coefficient * complexity.growth(n);
    }

    /**
     * A one-line description for messages and reports, e.g.
     * {@code O(n log n): t ≈ 120 ns + 4.51 ns·n log n (R² 0.9987, rms error 2.1%, 8 sizes)}.
     */
    public String description() {
        String model = complexity == Complexity.O_1
                ? String.format(Locale.ROOT, "t ≈ %.4g ns", intercept)
                : String.format(Locale.ROOT, "t ≈ %.4g ns + %.4g ns·%s", intercept, coefficient, growthTerm());
        return String.format(Locale.ROOT, "%s: %s (R² %.4f, rms error %.1f%%, %d sizes)",
                complexity.label(), model, rSquared, relativeRmsError * 100, points);
    }

    private String growthTerm() {
        String label = complexity.label();
        return label.substring(2, label.length() - 1);
    }
}
