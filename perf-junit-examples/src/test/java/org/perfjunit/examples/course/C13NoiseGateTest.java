package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.MaxDuration;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Lesson 13: the noise gate, and why a limit on noisy samples can come out INCONCLUSIVE.
 *
 * <p>A limit compares a statistic of the samples (median, p95, ...) with a bound. When the samples
 * are spread out, that statistic is itself uncertain: measured again, the median of twenty noisy
 * samples can land on either side of a bound near it. Judging it on the point estimate turns the
 * test into a coin toss that fails healthy builds and passes broken ones. So before a limit is judged,
 * perf-junit checks the samples: coefficient of variation ({@code perf.junit.noise.max.cv}, 25%),
 * precision of the median ({@code perf.junit.noise.max.ci}, ±5%) and drift over the run
 * ({@code perf.junit.noise.drift.*}). On stable samples the limit is judged as usual. On noisy
 * samples it is decided only when the <em>whole</em> 95% confidence interval of its statistic lies on
 * one side of the bound, so a limit that clearly holds or clearly breaks is still decided. Otherwise
 * the result is INCONCLUSIVE, never a pass and never a failure.
 *
 * <p>What INCONCLUSIVE does ({@code perf.junit.noise.action}): {@code retry} (default) re-measures
 * once with twice the samples and time, and at least as many samples as the limit's statistic needs
 * for a bounded interval (a p95 needs 72, a p99 368: with fewer, the interval of a tail statistic is
 * open-ended however far the limit, so it can never be decided); if still undecided the test is
 * <em>aborted</em> (reported as skipped, with the reason). {@code abort} skips at once, {@code fail}
 * fails, {@code ignore} turns the gate off. Every measured test gets a {@code perf.noise} report entry
 * with the gate's figures ({@code stable: CV 3.1% (limit 25%), ...} or {@code too noisy to judge: ...}).
 *
 * <p>The operation here is noisy by design: a lookup that is answered from a cache in 0.5 ms on one
 * call and from a slow store in 4.5 ms on the next (measured: a CV of 65-130% on the loaded CI machine).
 *
 * <p>WRONG: a tight limit (the median at 2.5 ms, right between the two modes) on 20 samples. It is
 * reported as skipped, with the gate's reason in its output line:
 * {@code -> inconclusive: too noisy to judge: CV 75% (limit 25%), median CI ±43% (limit ±5%) over [40]
 * samples; cannot decide median duration [4.602 ms] against @MaxDuration [2.5 ms] (95% CI [620.8 µs,
 * 4.616 ms]) (after re-measuring with twice the samples)}. Not a failure, not a pass: nobody learns
 * anything, and the re-measure cost time. (Judged on the point estimate, the same test would pass or
 * fail by the luck of which mode the middle samples came from.)
 *
 * <p>RIGHT: either judge the noisy operation with a margin and enough samples (a p95 limit 4x above the
 * slow mode, over 150 samples: the whole interval is below the bound, so the limit is decided although
 * the samples are noisy), or, better when the noise is the workload's own, measure one behaviour per
 * test: the cache hit alone has one mode, so its median is decided even on a loaded machine, and it can
 * take a closer limit.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C13NoiseGateTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C13NoiseGateTest {

    private static final long HIT_NANOS = 500_000;
    private static final long MISS_NANOS = 4_500_000;

    private int calls;

    /** Every second call misses the cache. */
    private void lookUp() {
        LockSupport.parkNanos(calls++ % 2 == 0 ? HIT_NANOS : MISS_NANOS);
    }

    // batchSize = 1: each sample is one call, so the two modes show (batches would average them away).
    @Test
    @Performance(warmupIterations = 5, iterations = 20, batchSize = 1)
    @MaxDuration(value = 2500, unit = TimeUnit.MICROSECONDS, statistic = Statistic.MEDIAN)
    void wrongTightLimitOnNoisySamples() {
        lookUp();
    }

    // p95 is the slow mode: 4.7-6.9 ms measured on the loaded CI machine; the limit is 3-4x that.
    // 150 samples: the p95 interval then ends a few samples below the maximum, not at it.
    @Test
    @Performance(warmupIterations = 5, iterations = 150, batchSize = 1)
    @MaxDuration(value = 20, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
    void rightMarginAndEnoughSamplesForTheStatistic() {
        lookUp();
    }

    // The hit alone: median 0.61-0.67 ms measured on the loaded CI machine; the limit is 3x that.
    @Test
    @Performance(warmupIterations = 5, iterations = 30, batchSize = 1)
    @MaxDuration(value = 2, unit = TimeUnit.MILLISECONDS, statistic = Statistic.MEDIAN)
    void rightOneBehaviourPerTest() {
        LockSupport.parkNanos(HIT_NANOS);
    }
}
