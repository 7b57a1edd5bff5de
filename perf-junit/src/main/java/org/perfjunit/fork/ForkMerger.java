package org.perfjunit.fork;

import org.perfjunit.model.Metric;
import org.perfjunit.model.RunInfo;
import org.perfjunit.model.TestResult;
import org.perfjunit.stats.SummaryCalculator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pools the results of several forks of one test, as JMH pools its forks: sampled metrics
 * concatenate their samples (fork by fork, in order) and are summarized again; single-valued
 * metrics are averaged over the forks that report them; sample counts and measuring times add up.
 * Outcome, checks and message are left for the caller to judge again.
 */
public final class ForkMerger {

    private ForkMerger() {
    }

    /** One result standing for all {@code forks} (at least one, same test). */
    public static TestResult merge(List<TestResult> forks) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no forks to merge");
        }
        TestResult first = forks.get(0);
        if (forks.size() == 1) {
            return first;
        }
        Map<String, List<Metric>> byName = new LinkedHashMap<>();
        for (TestResult fork : forks) {
            fork.metrics().forEach((name, metric) -> byName.computeIfAbsent(name, k -> new ArrayList<>()).add(metric));
        }
        Map<String, Metric> merged = new LinkedHashMap<>();
        byName.forEach((name, metrics) -> merged.put(name, pool(metrics)));
        int samples = 0;
        long measured = 0;
        boolean steady = true;
        for (TestResult fork : forks) {
            samples += fork.run().samples();
            measured += fork.run().measuredNanos();
            steady &= fork.run().steadyState();
        }
        RunInfo r = first.run();
        RunInfo info = new RunInfo(r.warmupIterations(), r.warmupNanos(), steady, samples, r.batchSize(), r.threads(),
                measured, r.stopReason(), true);
        return new TestResult(first.id(), first.className(), first.methodName(), first.displayName(), first.tags(),
                forks.get(forks.size() - 1).timestamp(), merged, info, List.of(), List.of(), first.outcome(), null);
    }

    private static Metric pool(List<Metric> metrics) {
        Metric first = metrics.get(0);
        if (metrics.stream().allMatch(m -> m.samples() != null && m.samples().length > 0)) {
            double[] all = metrics.stream().flatMapToDouble(m -> Arrays.stream(m.samples())).toArray();
            return Metric.sampled(first.name(), first.unit(), first.direction(), SummaryCalculator.summarize(all), all);
        }
        double mean = metrics.stream().mapToDouble(Metric::value).average().orElse(first.value());
        return Metric.single(first.name(), first.unit(), first.direction(), mean);
    }
}
