package org.perfjunit;

import org.assertj.core.api.AbstractAssert;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Statistic;
import org.perfjunit.stats.BlockBootstrap;
import org.perfjunit.stats.BootstrapInterval;

import java.util.Locale;

/**
 * Assertions on the ratio of two results' median times, candidate / reference, from
 * {@link PerfResultAssert#hasMedianTimeRatioTo(PerfResult)}:
 * <pre>{@code
 * assertThat(tracked).hasMedianTimeRatioTo(plain).isAtMost(1.9);   // tracking costs at most 1.9x
 * assertThat(newParser).hasMedianTimeRatioTo(oldParser).isAtMost(0.8); // at least 20% faster
 * }</pre>
 * The ratio's 95% confidence interval comes from a seeded block bootstrap of both results' time
 * samples ({@link BlockBootstrap#ratio}). An assertion fails only when the whole interval lies on the
 * wrong side of the bound; a bound inside the interval passes (the data cannot refute it).
 *
 * <p>What the interval covers: the sampling noise of these two measurements, within this run. It does
 * not cover run-to-run spread (another JVM's JIT decisions, heap layout, the machine's state), which is
 * often larger: two runs' intervals need not overlap. For a claim that holds across runs, measure in
 * forks ({@code @Performance(forks = 3)}) so the samples include that spread, or leave a margin.
 */
public final class TimeRatioAssert extends AbstractAssert<TimeRatioAssert, PerfResult> {

    /** Confidence of the ratio interval. */
    public static final double CONFIDENCE = 0.95;
    private static final long SEED = 0x5EED_4A7L;
    private static final String COVERAGE = "; the interval covers sampling noise within this run only, not run-to-run "
            + "or JIT spread (measure in forks for that)";

    private final PerfResult reference;
    private final BootstrapInterval interval;
    private final int candidateSamples;
    private final int referenceSamples;

    TimeRatioAssert(PerfResult candidate, PerfResult reference) {
        super(candidate, TimeRatioAssert.class);
        this.reference = reference;
        double[] c = samples(candidate);
        double[] r = samples(reference);
        this.candidateSamples = c.length;
        this.referenceSamples = r.length;
        this.interval = new BlockBootstrap(BlockBootstrap.DEFAULT_RESAMPLES, SEED).ratio(r, c, Statistic.MEDIAN,
                CONFIDENCE);
    }

    private static double[] samples(PerfResult result) {
        Metric time = result.metric(MetricNames.TIME).orElse(null);
        if (time == null || time.samples() == null || time.samples().length < 2) {
            throw new IllegalArgumentException("[" + result.id() + "] has no time samples to bootstrap a ratio "
                    + "from; compare results measured with at least 2 samples");
        }
        return time.samples();
    }

    /** The ratio's point estimate and interval. */
    public BootstrapInterval interval() {
        return interval;
    }

    /** Fails only when the whole interval of candidate / reference lies above {@code max}. */
    public TimeRatioAssert isAtMost(double max) {
        checkBound(max);
        if (interval.ratioLow() > max) {
            failWithActualExpectedAndMessage(interval.ratio(), max, "%s", describe("at most", max, "above"));
        }
        return this;
    }

    /** Fails only when the whole interval of candidate / reference lies below {@code min}. */
    public TimeRatioAssert isAtLeast(double min) {
        checkBound(min);
        if (interval.ratioHigh() < min) {
            failWithActualExpectedAndMessage(interval.ratio(), min, "%s", describe("at least", min, "below"));
        }
        return this;
    }

    private static void checkBound(double bound) {
        if (!(bound > 0) || Double.isInfinite(bound)) {
            throw new IllegalArgumentException("a time ratio bound must be a positive number, was " + bound);
        }
    }

    private String describe(String relation, double bound, String side) {
        return String.format(Locale.ROOT, "Expected median time ratio [%s] / [%s] to be %s [%s] but it was [%.3f], "
                        + "%.0f%% CI [%.3f, %.3f] wholly %s it (over [%d] and [%d] samples)%s",
                actual.id(), reference.id(), relation, bound, interval.ratio(), CONFIDENCE * 100, interval.ratioLow(),
                interval.ratioHigh(), side, candidateSamples, referenceSamples, COVERAGE);
    }
}
