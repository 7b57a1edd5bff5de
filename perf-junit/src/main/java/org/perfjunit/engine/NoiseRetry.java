package org.perfjunit.engine;

import org.perfjunit.verdict.Limit;
import org.perfjunit.verdict.NoiseVerdict;
import org.perfjunit.stats.StatisticInterval;

import java.util.List;

/** How the re-measure of a too-noisy (INCONCLUSIVE) result samples. */
final class NoiseRetry {

    private NoiseRetry() {
    }

    /**
     * Twice the samples, and at least enough for the limits' statistics to have a bounded interval
     * (a p95 needs 72 samples), else a p95 limit far above every sample stays undecidable however
     * quiet the re-measure is.
     */
    static SamplerSettings settings(SamplerSettings s, List<Limit> limits) {
        int atLeast = limits.stream().filter(l -> l.statistic() != null)
                .mapToInt(l -> StatisticInterval.samplesForBoundedInterval(l.statistic(), NoiseVerdict.CONFIDENCE))
                .max().orElse(0);
        return s.withSampleCounts(s.iterations() > 0 ? Math.max(2 * s.iterations(), atLeast) : -1,
                        Math.max(2 * s.minSamples(), atLeast), Math.max(2 * s.maxSamples(), atLeast))
                .withTimes(s.minTime().multipliedBy(2), s.maxTime().multipliedBy(2));
    }
}
