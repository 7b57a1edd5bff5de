package org.perfjunit.baseline;

import org.perfjunit.model.UnitFormat;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.perfjunit.model.Comparison;
import org.perfjunit.model.Direction;
import org.perfjunit.model.Level;
import org.perfjunit.model.Metric;
import org.perfjunit.model.Statistic;
import org.perfjunit.stats.BlockBootstrap;
import org.perfjunit.stats.BootstrapInterval;
import org.perfjunit.stats.RankSumTests;
import org.perfjunit.stats.RankTestResult;
import org.perfjunit.stats.SampleStatistics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.DoubleStream;

/**
 * Compares one metric with its baseline: a block-bootstrap confidence interval of the ratio
 * current / baseline of the configured statistic, the Mann-Whitney p-value and rank-biserial
 * effect size beside it, and the {@link DecisionRule} rule against the metric's thresholds. The
 * interval is widened by a Bonferroni correction over the {@code family} of metrics compared in
 * one test, and the p-value is held to the same corrected level.
 */
public final class BaselineComparator {

    /** Fewer samples than this on either side: the metric is compared by threshold alone. */
    public static final int MIN_SAMPLES = 5;

    private final int resamples;

    /** A comparator drawing {@link BlockBootstrap#DEFAULT_RESAMPLES} resamples. */
    public BaselineComparator() {
        this(BlockBootstrap.DEFAULT_RESAMPLES);
    }

    /** A comparator drawing {@code resamples} bootstrap resamples. */
    public BaselineComparator(int resamples) {
        this.resamples = resamples;
    }

    /** The comparison of a metric that has no baseline yet. */
    public static Comparison recordedAsNew(Metric current, Statistic statistic) {
        boolean sampled = current.summary() != null;
        double value = sampled ? current.summary().get(statistic) : current.value();
        String label = (sampled ? statistic.label() + " " : "") + current.name();
        return new Comparison(current.name(), sampled ? statistic.label() : "value", Level.NEW, null, value, null, null,
                null, null, null, label + " [" + UnitFormat.format(value, current.unit())
                + "] has no baseline yet; recorded as the new baseline");
    }

    /**
     * A metric whose only baseline was recorded on another machine: the ratio for information, never a
     * verdict, since a processor generation alone moves times by 1.5-3x.
     *
     * @param differences what differs between the two machines, e.g. {@code CPU family 23 vs 26}
     */
    public static Comparison otherMachine(Metric baseline, Metric current, Statistic statistic, String differences) {
        boolean sampled = current.summary() != null && baseline.summary() != null;
        double base = sampled ? baseline.summary().get(statistic) : baseline.value();
        double cur = sampled ? current.summary().get(statistic) : current.value();
        Double ratio = base > 0 && Double.isFinite(cur / base) ? cur / base : null;
        String label = (sampled ? statistic.label() + " " : "") + current.name();
        return new Comparison(current.name(), sampled ? statistic.label() : "value", Level.OTHER_MACHINE, base, cur,
                ratio, null, null, null, null, label + " [" + UnitFormat.format(cur, current.unit()) + "] vs ["
                + UnitFormat.format(base, current.unit()) + "] on another machine (" + differences + ")"
                + (ratio == null ? "" : String.format(Locale.ROOT, ": ratio %.2f", ratio)) + ", not judged");
    }

    /**
     * Compares {@code current} with {@code baseline}.
     *
     * @param family number of metrics compared in this test (Bonferroni)
     */
    public Comparison compare(Metric baseline, Metric current, BaselineSettings settings, int family) {
        Threshold threshold = settings.thresholdFor(current.name());
        double alpha = (1 - settings.confidence()) / Math.max(1, family);
        boolean sampled = baseline.samples() != null && current.samples() != null
                && baseline.samples().length >= MIN_SAMPLES && current.samples().length >= MIN_SAMPLES;
        Statistic statistic = settings.statistic();
        ComparisonMessage message = new ComparisonMessage(current.name(), current.unit(), threshold);
        if (!sampled) {
            double base = baseline.summary() != null ? baseline.summary().get(statistic) : baseline.value();
            double cur = current.summary() != null ? current.summary().get(statistic) : current.value();
            String label = current.summary() != null && baseline.summary() != null ? statistic.label() : "value";
            return single(message.withStatistic(label), current.direction(), base, cur, threshold);
        }
        double base = SampleStatistics.of(statistic, baseline.samples());
        double cur = SampleStatistics.of(statistic, current.samples());
        message = message.withStatistic(statistic.label());
        if (base == 0 && !threshold.absolute()) {
            return zeroBaseline(message, current.direction(), cur);
        }
        long seed = 0x5EEDL * 31 + current.name().hashCode();
        BootstrapInterval ci = new BlockBootstrap(resamples, seed)
                .ratio(baseline.samples(), current.samples(), statistic, 1 - alpha);
        RankTestResult rank = RankSumTests.mannWhitney(baseline.samples(), current.samples());
        double noise = Math.max(cv(baseline.samples()), cv(current.samples()));
        return sampled(message, current.direction(), base, cur, ci, rank, alpha, threshold, noise);
    }

    /**
     * Compares paired, interleaved samples of a candidate with a reference measured in the same
     * rounds: a paired block bootstrap of the median per-pair ratio and the Wilcoxon signed-rank test.
     */
    public Comparison comparePaired(String metric, String unit, Direction direction, double[] reference,
                                    double[] candidate, BaselineSettings settings, int family) {
        Threshold threshold = settings.thresholdFor(metric);
        double alpha = (1 - settings.confidence()) / Math.max(1, family);
        long seed = 0xAB5EEDL * 31 + metric.hashCode();
        BootstrapInterval ci = new BlockBootstrap(resamples, seed).pairedRatio(reference, candidate, 1 - alpha);
        RankTestResult rank = RankSumTests.wilcoxonSignedRank(reference, candidate);
        ComparisonMessage message = new ComparisonMessage(metric, unit, threshold).withStatistic("paired median")
                .withPairs(reference.length);
        return sampled(message, direction, SampleStatistics.of(Statistic.MEDIAN, reference),
                SampleStatistics.of(Statistic.MEDIAN, candidate), ci, rank, alpha, threshold,
                Math.max(cv(reference), cv(candidate)));
    }

    /**
     * Judges several paired comparisons of the same two sides, each made on its own fresh copies of their
     * classes, together: the JIT compiles every copy on its own, so one pairing's interval says how precisely
     * those two copies were compared, not how the code compares. The estimate is the geometric mean of the
     * pairings' ratios and its interval Student's t over their logarithms ({@code k - 1} degrees of freedom),
     * so pairings that disagree widen it (a random effect per pair of copies); the t-test on the same
     * logarithms stands in for the rank test. Needs at least two pairings with a ratio.
     *
     * @param pairings one comparison per pairing, as {@link #comparePaired} made them
     */
    public Comparison compareAcrossPairings(String metric, String unit, Direction direction, List<Comparison> pairings,
                                            BaselineSettings settings) {
        double[] logs = pairings.stream().filter(c -> c.ratio() != null && c.ratio() > 0)
                .mapToDouble(c -> Math.log(c.ratio())).toArray();
        if (logs.length < 2) {
            throw new IllegalArgumentException("at least two pairings with a ratio are needed, got " + logs.length);
        }
        Threshold threshold = settings.thresholdFor(metric);
        double alpha = 1 - settings.confidence();
        double mean = StatUtils.mean(logs);
        double se = Math.sqrt(StatUtils.variance(logs) / logs.length);
        TDistribution t = new TDistribution(logs.length - 1);
        double half = t.inverseCumulativeProbability(1 - alpha / 2) * se;
        double p = se == 0 ? (mean == 0 ? 1 : 0) : 2 * t.cumulativeProbability(-Math.abs(mean) / se);
        double ratio = Math.exp(mean);
        double low = Math.exp(mean - half);
        double high = Math.exp(mean + half);
        double[] change = worse(direction, low - 1, ratio - 1, high - 1);
        Level level = DecisionRule.sampled(change[0], change[1], change[2], p < alpha, threshold);
        double base = StatUtils.percentile(pairings.stream().filter(c -> c.baselineValue() != null)
                .mapToDouble(Comparison::baselineValue).toArray(), 50);
        double cur = StatUtils.percentile(pairings.stream().mapToDouble(Comparison::currentValue).toArray(), 50);
        double[] ratios = Arrays.stream(logs).map(Math::exp).toArray();
        ComparisonMessage message = new ComparisonMessage(metric, unit, threshold).withStatistic("paired median");
        return new Comparison(metric, "paired median", level, base, cur, ratio, low, high, p, null,
                message.acrossPairings(level, base, cur, ratio, low, high, p, ratios));
    }

    /**
     * Confirms (or not) this JVM's failing comparison with a stored baseline by the same comparison made in fresh
     * JVMs ({@link #compare} each): it stays as it was, figures and all, when even the fastest fresh JVM reads the
     * metric beyond the critical threshold; otherwise it becomes INCONCLUSIVE. Either way the message adds what
     * every JVM read. A JVM's own speed (the vCPU it ran on and what shared that core, what the JIT compiled, a
     * heap still growing) adds to the code's time far more often than it takes away, so the least disturbed JVM
     * is the best evidence of the code's speed, as BenchmarkTools.jl argues for the minimum of timings (Chen and
     * Revels, "Robust benchmarking in noisy environments", 2016), while a slowdown of the code shows in every JVM.
     * Two stricter rules were measured and dropped: a t interval over the JVMs' log ratios (what
     * {@link #compareAcrossPairings} does for copies, whose noise goes both ways) let a real +20% pass in 4 of 4
     * runs, one JVM in the host's slow mode widening it past the threshold; and every JVM's interval beyond the
     * threshold failed only 9 of 30 fresh JVMs with a real +20% at 15%, where this JVM alone failed 26.
     *
     * @param here  this JVM's comparison, CRITICAL
     * @param fresh the same comparison in each fresh JVM; at least one
     */
    public static Comparison confirmInFreshJvms(Comparison here, List<Comparison> fresh, Direction direction,
                                                BaselineSettings settings) {
        if (here.level() != Level.CRITICAL || here.ratio() == null || fresh.isEmpty()
                || fresh.stream().anyMatch(c -> c.ratio() == null)) {
            throw new IllegalArgumentException("a CRITICAL ratio from this JVM and a ratio from at least one fresh JVM "
                    + "are needed, got " + here + " and " + fresh);
        }
        Threshold threshold = settings.thresholdFor(here.metric());
        double fastest = fresh.stream().mapToDouble(Comparison::ratio)
                .reduce(direction == Direction.LOWER_IS_BETTER ? Math::min : Math::max).orElseThrow();
        boolean confirmed = worse(direction, fastest - 1) > threshold.critical();
        double[] ratios = DoubleStream.concat(DoubleStream.of(here.ratio()),
                fresh.stream().mapToDouble(Comparison::ratio)).toArray();
        String message = here.message() + "; " + new ComparisonMessage(here.metric(), "", threshold)
                .freshJvms(confirmed, ratios, fastest);
        return new Comparison(here.metric(), here.statistic(), confirmed ? Level.CRITICAL : Level.INCONCLUSIVE,
                here.baselineValue(), here.currentValue(), here.ratio(), here.ratioCiLow(), here.ratioCiHigh(),
                here.pValue(), here.effectSize(), message);
    }

    private static Comparison sampled(ComparisonMessage message, Direction direction, double base, double cur,
                                      BootstrapInterval ci, RankTestResult rank, double alpha, Threshold threshold,
                                      double noise) {
        double[] change = threshold.absolute()
                ? worse(direction, ci.differenceLow() * points(message.unit()), ci.difference() * points(message.unit()),
                        ci.differenceHigh() * points(message.unit()))
                : worse(direction, ci.ratioLow() - 1, ci.ratio() - 1, ci.ratioHigh() - 1);
        boolean significant = rank.pValue() < alpha;
        Level level = DecisionRule.sampled(change[0], change[1], change[2], significant, threshold);
        String text = message.sampled(level, base, cur, ci, rank, noise);
        return new Comparison(message.metric(), message.statistic(), level, base, cur, ci.ratio(), ci.ratioLow(),
                ci.ratioHigh(), rank.pValue(), rank.effectSize(), text);
    }

    private static Comparison single(ComparisonMessage message, Direction direction, double base, double cur,
                                     Threshold threshold) {
        if (base == 0 && !threshold.absolute()) {
            return zeroBaseline(message, direction, cur);
        }
        double ratio = threshold.absolute() ? (base == 0 ? 1 : cur / base) : cur / base;
        double change = threshold.absolute()
                ? worse(direction, (cur - base) * points(message.unit()))
                : worse(direction, ratio - 1);
        Level level = DecisionRule.single(change, threshold);
        return new Comparison(message.metric(), message.statistic(), level, base, cur, ratio, null, null, null, null,
                message.single(level, base, cur));
    }

    private static Comparison zeroBaseline(ComparisonMessage message, Direction direction, double cur) {
        Level level = cur == 0 ? Level.STABLE : direction.isWorse(cur, 0) ? Level.WARNING : Level.IMPROVEMENT;
        return new Comparison(message.metric(), message.statistic(), level, 0.0, cur, cur == 0 ? 1.0 : null, null, null,
                null, null, message.zeroBaseline(level, cur));
    }

    /** {@code [low, estimate, high]} of a signed change, turned so that positive means worse. */
    private static double[] worse(Direction direction, double low, double estimate, double high) {
        return direction == Direction.LOWER_IS_BETTER ? new double[] {low, estimate, high}
                : new double[] {-high, -estimate, -low};
    }

    private static double worse(Direction direction, double change) {
        return direction == Direction.LOWER_IS_BETTER ? change : -change;
    }

    /** Percentage points per unit of the metric: a score in {@code %} is already in points; a [0,1] score is not. */
    static double points(String unit) {
        return "%".equals(unit) ? 1 : 100;
    }

    private static double cv(double[] values) {
        double mean = StatUtils.mean(values);
        return mean == 0 ? 0 : Math.sqrt(StatUtils.variance(values)) / Math.abs(mean);
    }
}
