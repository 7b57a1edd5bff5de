package org.perfjunit.stats;

import org.apache.commons.math3.distribution.FDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.perfjunit.model.Complexity;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Fits a scaling series of (size n, time t) to the growth classes of {@link Complexity} with
 * commons-math3 least squares and picks the class that explains it.
 *
 * <p>Each class is fitted as {@code t = a + b·g(n)} (O(1) as {@code t = a}) by weighted least
 * squares on <em>relative</em> residuals {@code (t - fit) / t}, because timing noise is
 * multiplicative: a 5% jitter on the largest size must not outweigh the smaller sizes. Models
 * whose growth coefficient comes out negative are rejected. O(1) is kept unless the best growth
 * model beats it in a nested-model F-test at level {@value #CONSTANT_TEST_ALPHA}. Otherwise, among
 * the growth models, the slowest-growing class whose residual sum of squares is within
 * {@value #SIMPLER_MODEL_RATIO}× of the best one wins (or below a {@value #NOISE_FLOOR} relative
 * rms error floor), so that noise alone does not promote a series to a faster-growing class.
 *
 * <p>The fit also names every class that explains the points as well as the chosen one
 * ({@link ComplexityFit#fitsAsWell()}): a class whose relative residual sum of squares is within the
 * {@code 1 -} {@value #INDISTINGUISHABLE_ALPHA} quantile of F(n-2, n-2) of the chosen one's. Over a
 * factor of 16 in size, log n changes by only a third, so a flat per-element cost with 10% noise can
 * fit O(n log n) best by chance; {@code @ExpectComplexity(O_N)} must not fail on that.
 *
 * <p>Accuracy, measured by {@code ComplexityFitterTests}: on 8 doubling sizes with 5%
 * multiplicative Gaussian noise the true class is recovered in the README's stated share of
 * 1000 seeded trials per class. Fewer sizes or a narrower size range lower that share; use at
 * least 5 sizes spanning a factor of 16 or more.
 */
public final class ComplexityFitter {

    /** A simpler class wins while its residual sum of squares is within this factor of the best. */
    public static final double SIMPLER_MODEL_RATIO = 1.5;
    /** Relative rms error below which any model is considered a perfect fit. */
    public static final double NOISE_FLOOR = 0.005;
    /** Significance level at which a growth term must beat the constant model. */
    public static final double CONSTANT_TEST_ALPHA = 0.01;
    /** Level of the F-test that decides whether another class fits significantly worse than the chosen one. */
    public static final double INDISTINGUISHABLE_ALPHA = 0.05;
    /** Fewest distinct sizes a fit needs. */
    public static final int MIN_SIZES = 3;

    private ComplexityFitter() {
    }

    /**
     * Fits and chooses a class.
     *
     * @param sizes  the size parameter of each point, each at least 1
     * @param nanos  the (median) time of each point, positive and finite
     * @return the chosen fit
     * @throws IllegalArgumentException when the arrays differ in length, hold fewer than
     *                                  {@value #MIN_SIZES} distinct sizes, or invalid values
     */
    public static ComplexityFit fit(double[] sizes, double[] nanos) {
        validate(sizes, nanos);
        Map<Complexity, double[]> models = new EnumMap<>(Complexity.class);
        double bestRss = Double.POSITIVE_INFINITY;
        for (Complexity c : Complexity.values()) {
            double[] ab = c == Complexity.O_1 ? fitConstant(nanos) : fitLinear(c, sizes, nanos);
            if (ab != null) {
                double rss = relativeRss(c, ab, sizes, nanos);
                models.put(c, new double[] {ab[0], ab[1], rss});
                if (c != Complexity.O_1) {
                    bestRss = Math.min(bestRss, rss);
                }
            }
        }
        double floor = sizes.length * NOISE_FLOOR * NOISE_FLOOR;
        double[] constant = models.get(Complexity.O_1);
        if (constant[2] <= floor || bestRss == Double.POSITIVE_INFINITY
                || !growthIsSignificant(constant[2], bestRss, sizes.length)) {
            return describe(Complexity.O_1, models, sizes, nanos);
        }
        double accept = Math.max(bestRss * SIMPLER_MODEL_RATIO, floor);
        for (Map.Entry<Complexity, double[]> e : models.entrySet()) { // EnumMap iterates slowest growth first
            double[] m = e.getValue();
            if (e.getKey() != Complexity.O_1 && m[2] <= accept) {
                return describe(e.getKey(), models, sizes, nanos);
            }
        }
        throw new IllegalStateException("no model fitted"); // unreachable: the best model is accepted
    }

    /** Nested-model F-test: does adding the growth term explain significantly more than t = a? */
    private static boolean growthIsSignificant(double rssConstant, double rssGrowth, int points) {
        if (rssGrowth == 0) {
            return true;
        }
        int dof = points - 2;
        double f = (rssConstant - rssGrowth) / (rssGrowth / dof);
        return f > new FDistribution(null, 1, dof).inverseCumulativeProbability(1 - CONSTANT_TEST_ALPHA);
    }

    /** Weighted mean minimizing the relative residuals of t = a. */
    private static double[] fitConstant(double[] t) {
        double num = 0;
        double den = 0;
        for (double v : t) {
            num += 1 / v;
            den += 1 / (v * v);
        }
        return new double[] {num / den, 0};
    }

    /** Dividing each row by t turns relative-residual least squares into OLS of 1 on (1/t, g/t). */
    private static double[] fitLinear(Complexity c, double[] n, double[] t) {
        double[] y = new double[n.length];
        double[][] x = new double[n.length][];
        for (int i = 0; i < n.length; i++) {
            y[i] = 1;
            x[i] = new double[] {1 / t[i], c.growth(n[i]) / t[i]};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.setNoIntercept(true);
        ols.newSampleData(y, x);
        double[] ab;
        try {
            ab = ols.estimateRegressionParameters();
        } catch (RuntimeException singular) { // e.g. all sizes 1 for log n: the model cannot be fitted
            return null;
        }
        return ab[1] > 0 ? ab : null;
    }

    private static double relativeRss(Complexity c, double[] ab, double[] n, double[] t) {
        double rss = 0;
        for (int i = 0; i < n.length; i++) {
            double fit = c == Complexity.O_1 ? ab[0] : ab[0] + ab[1] * c.growth(n[i]);
            double r = (t[i] - fit) / t[i];
            rss += r * r;
        }
        return rss;
    }

    /** Classes whose residuals are not significantly larger than {@code chosen}'s. */
    private static Set<Complexity> fitsAsWell(Complexity chosen, Map<Complexity, double[]> models, int points) {
        double chosenRss = models.get(chosen)[2];
        double floor = points * NOISE_FLOOR * NOISE_FLOOR;
        int dof = Math.max(1, points - 2);
        double limit = new FDistribution(null, dof, dof).inverseCumulativeProbability(1 - INDISTINGUISHABLE_ALPHA);
        Set<Complexity> out = EnumSet.of(chosen);
        models.forEach((c, m) -> {
            if (m[2] <= floor || (chosenRss > 0 && m[2] / chosenRss <= limit)) {
                out.add(c);
            }
        });
        return out;
    }

    private static ComplexityFit describe(Complexity c, Map<Complexity, double[]> models, double[] n, double[] t) {
        double[] m = models.get(c);
        double mean = 0;
        for (double v : t) {
            mean += v / t.length;
        }
        double ssTot = 0;
        double ssRes = 0;
        for (int i = 0; i < n.length; i++) {
            double fit = c == Complexity.O_1 ? m[0] : m[0] + m[1] * c.growth(n[i]);
            ssTot += (t[i] - mean) * (t[i] - mean);
            ssRes += (t[i] - fit) * (t[i] - fit);
        }
        double r2 = ssTot == 0 ? 1 : 1 - ssRes / ssTot;
        return new ComplexityFit(c, m[0], m[1], r2, Math.sqrt(m[2] / n.length), n.length,
                fitsAsWell(c, models, n.length));
    }

    private static void validate(double[] sizes, double[] nanos) {
        if (sizes.length != nanos.length) {
            throw new IllegalArgumentException("sizes and times differ in length: " + sizes.length + " vs " + nanos.length);
        }
        long distinct = Arrays.stream(sizes).distinct().count();
        if (distinct < MIN_SIZES) {
            throw new IllegalArgumentException("a complexity fit needs at least " + MIN_SIZES
                    + " distinct sizes, got " + distinct);
        }
        for (int i = 0; i < sizes.length; i++) {
            if (!(sizes[i] >= 1) || Double.isInfinite(sizes[i])) {
                throw new IllegalArgumentException("sizes must be finite and at least 1, was " + sizes[i]);
            }
            if (!(nanos[i] > 0) || Double.isInfinite(nanos[i])) {
                throw new IllegalArgumentException("times must be positive and finite, was " + nanos[i]);
            }
        }
    }
}
