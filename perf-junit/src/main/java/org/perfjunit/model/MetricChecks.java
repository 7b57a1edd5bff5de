package org.perfjunit.model;


import java.util.Map;
import java.util.Optional;

/**
 * Which values a {@link Metric} read from a file can physically hold: a time, a size, a rate or an energy
 * is never negative and never astronomically large, a summary's statistics lie within its own min-max,
 * and it has at least as many samples as it keeps. A file edited by hand or by a buggy tool could
 * otherwise turn every later slowdown into an "improvement".
 */
final class MetricChecks {

    /** Largest plausible value per base unit: about 116 days per operation, 1 EB, 10^13 ops/s, 10^12 J. */
    private static final Map<String, Double> MAX_BY_UNIT = Map.of("ns", 1e16, "ms", 1e13, "B", 1e18,
            "ops/s", 1e13, "J", 1e12);
    /** Rounding slack for statistics compared with min and max (a mean of equal values may differ by an ulp). */
    private static final double SLACK = 1e-9;

    private MetricChecks() {
    }

    static Optional<Defect> check(Metric m) {
        Double max = MAX_BY_UNIT.get(m.unit());
        String what = "metric [" + m.name() + "]";
        if (max != null && !plausible(m.value(), max)) {
            return Optional.of(new Defect("/value", what + " value " + m.value() + " is impossible for "
                    + m.unit() + " (must be 0 to " + max + ")"));
        }
        double[] samples = m.samples();
        if (samples != null) {
            for (int i = 0; i < samples.length; i++) {
                if (!Double.isFinite(samples[i]) || max != null && !plausible(samples[i], max)) {
                    return Optional.of(new Defect("/samples/" + i, what + " sample " + i + " [" + samples[i]
                            + "] is not a possible " + (max == null ? "number" : m.unit() + " value (0 to " + max + ")")));
                }
            }
        }
        return m.summary() == null ? Optional.empty() : summary(what, m.summary(), samples, max);
    }

    private static Optional<Defect> summary(String what, Summary s, double[] samples, Double max) {
        String[] names = {"mean", "standardDeviation", "min", "max", "median", "p90", "p95", "p99", "medianCiLow",
            "medianCiHigh", "confidence"};
        double[] values = {s.mean(), s.standardDeviation(), s.min(), s.max(), s.median(), s.p90(), s.p95(), s.p99(),
            s.medianCiLow(), s.medianCiHigh(), s.confidence()};
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return defect("/summary/" + names[i], what + " summary " + names[i] + " is not a finite number");
            }
        }
        if (s.n() < 1) {
            return defect("/summary/n", what + " summary has n = " + s.n() + "; it needs at least one sample");
        }
        if (max != null && !(plausible(s.min(), max) && plausible(s.max(), max))) {
            return defect("/summary/min", what + " summary range [" + s.min() + ", " + s.max() + "] is impossible for "
                    + "its unit (must be 0 to " + max + ")");
        }
        if (s.min() > s.max()) {
            return defect("/summary/min", what + " summary min " + s.min() + " is above its max " + s.max());
        }
        double slack = SLACK * Math.max(Math.abs(s.min()), Math.abs(s.max()));
        for (int i : new int[] {0, 4, 5, 6, 7}) {
            if (values[i] < s.min() - slack || values[i] > s.max() + slack) {
                return defect("/summary/" + names[i], what + " summary " + names[i] + " " + values[i]
                        + " lies outside its own min-max [" + s.min() + ", " + s.max() + "]");
            }
        }
        if (s.standardDeviation() < 0 || s.medianCiLow() > s.medianCiHigh() || !(s.confidence() > 0 && s.confidence() < 1)
                || s.lowOutliers() < 0 || s.highOutliers() < 0 || s.lowOutliers() + s.highOutliers() > s.n()) {
            return defect("/summary", what + " summary has a negative spread, an inverted interval, a confidence"
                    + " outside (0, 1) or more outliers than samples");
        }
        if (samples != null && samples.length > s.n()) {
            return defect("/samples", what + " keeps " + samples.length + " samples but its summary counts n = "
                    + s.n());
        }
        for (int i = 0; samples != null && i < samples.length; i++) {
            if (samples[i] < s.min() - slack || samples[i] > s.max() + slack) {
                return defect("/samples/" + i, what + " sample " + i + " [" + samples[i]
                        + "] lies outside its summary's min-max [" + s.min() + ", " + s.max() + "]");
            }
        }
        return Optional.empty();
    }

    private static boolean plausible(double v, double max) {
        return v >= 0 && v <= max;
    }

    private static Optional<Defect> defect(String pointer, String problem) {
        return Optional.of(new Defect(pointer, problem));
    }
}
