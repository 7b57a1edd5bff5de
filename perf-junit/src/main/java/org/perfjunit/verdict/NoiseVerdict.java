package org.perfjunit.verdict;

import org.perfjunit.model.Check;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.UnitFormat;
import org.perfjunit.stats.NoiseAssessment;
import org.perfjunit.stats.NoiseGate;
import org.perfjunit.stats.NoiseThresholds;
import org.perfjunit.stats.StatisticInterval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns limit checks into an outcome, taking noise into account. The rule:
 * <ul>
 *   <li>each limit on a sampled metric (time, CPU time, allocation, throughput, rates) is judged on the
 *       stability of <em>that metric's</em> samples ({@link NoiseGate}); single-valued metrics (peak heap,
 *       retained size, reported energy) and metrics with fewer samples than
 *       {@link NoiseThresholds#minSamples()} are judged on their point estimate, as {@link LimitChecker} did;</li>
 *   <li>on noisy samples a limit is decided only when the whole 95% interval of its statistic
 *       ({@link StatisticInterval}) lies on one side of the bound and the point estimate agrees;
 *       otherwise it is undecided;</li>
 *   <li>any decided failure fails the test; else any undecided limit makes it {@link Outcome#INCONCLUSIVE};
 *       else it passes. A test without limits is never inconclusive: there is nothing to misjudge.</li>
 * </ul>
 * So noise can never turn into a pass or a limit failure that the data do not support.
 */
public final class NoiseVerdict {

    /** Confidence of the intervals that decide limits on noisy data. */
    public static final double CONFIDENCE = 0.95;

    /**
     * The outcome and its message (null when passed).
     *
     * @param noise the assessment of the {@code time} samples, or null without a gate or samples
     */
    public record Judgement(Outcome outcome, String message, NoiseAssessment noise) {
    }

    private NoiseVerdict() {
    }

    /**
     * @param limits     the limits, in the order of {@code checks}
     * @param checks     their point-estimate checks
     * @param metrics    the measured metrics
     * @param thresholds noise thresholds, or null to judge point estimates only
     */
    public static Judgement judge(List<Limit> limits, List<Check> checks, Map<String, Metric> metrics,
                                NoiseThresholds thresholds) {
        Map<String, NoiseAssessment> assessments = new LinkedHashMap<>();
        List<String> failed = new ArrayList<>();
        Map<String, List<String>> undecided = new LinkedHashMap<>();
        for (int i = 0; i < checks.size(); i++) {
            Check check = checks.get(i);
            Limit limit = limits.get(i);
            Metric metric = metrics.get(limit.metric());
            NoiseAssessment noise = metric == null || limit.statistic() == null ? null
                    : assessments.computeIfAbsent(metric.name(), k -> assess(metric, thresholds));
            if (noise == null || !noise.noisy()) {
                if (!check.passed()) {
                    failed.add(check.message());
                }
                continue;
            }
            StatisticInterval ci = StatisticInterval.of(limit.statistic(), metric.samples(), CONFIDENCE);
            boolean clearPass = limit.upper() ? ci.entirelyAtMost(limit.bound()) : ci.entirelyAtLeast(limit.bound());
            boolean clearFail = limit.upper() ? ci.low() > limit.bound() : ci.high() < limit.bound();
            if (clearFail && !check.passed()) {
                failed.add(check.message());
            } else if (!(clearPass && check.passed())) {
                undecided.computeIfAbsent(metric.name(), k -> new ArrayList<>()).add(check.statistic() + " "
                        + limit.label() + " [" + UnitFormat.format(check.actual(), check.unit()) + "] against "
                        + limit.source() + " [" + UnitFormat.format(limit.bound(), check.unit()) + "] (95% CI ["
                        + bound(ci.low(), check.unit()) + ", " + bound(ci.high(), check.unit()) + "])");
            }
        }
        Metric time = metrics.get(MetricNames.TIME);
        NoiseAssessment timeNoise = time == null ? null
                : assessments.computeIfAbsent(MetricNames.TIME, k -> assess(time, thresholds));
        if (!failed.isEmpty()) {
            return new Judgement(Outcome.FAILED, String.join("; ", failed), timeNoise);
        }
        if (!undecided.isEmpty()) {
            List<String> parts = new ArrayList<>();
            undecided.forEach((name, limitsOfMetric) -> parts.add(assessments.get(name).describe()
                    + (name.equals(MetricNames.TIME) ? "" : " of [" + name + "]")
                    + "; cannot decide " + String.join(" and ", limitsOfMetric)));
            return new Judgement(Outcome.INCONCLUSIVE, String.join("; ", parts), timeNoise);
        }
        return new Judgement(Outcome.PASSED, null, timeNoise);
    }

    /** The metric's noise, or null when it has no samples to judge or the gate is off. */
    private static NoiseAssessment assess(Metric metric, NoiseThresholds thresholds) {
        if (thresholds == null || metric.samples() == null || metric.samples().length == 0) {
            return null;
        }
        return NoiseGate.assess(metric.samples(), thresholds);
    }

    private static String bound(double v, String unit) {
        return Double.isInfinite(v) ? (v > 0 ? "+inf" : "-inf") : UnitFormat.format(v, unit);
    }
}
