package org.perfjunit.engine;

import org.perfjunit.model.Direction;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Summary;
import org.perfjunit.stats.SummaryCalculator;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToLongFunction;

/** Turns a {@link Measurement} and what the test reported into named {@link Metric}s in base units. */
public final class MetricAssembler {

    /** Suffix of the rate metric derived from a counter: {@code tokens.rate} in {@code tokens/s}. */
    public static final String RATE_SUFFIX = ".rate";

    private MetricAssembler() {
    }

    /**
     * @param measurement   samples
     * @param observations  phases, counters, energy and metrics the test reported
     * @param peakHeapBytes peak heap during measurement, or -1
     * @param retainedBytes deep size of the last result, or -1 when not computed
     * @param meterEnergy   energy per operation from a meter in joules, or empty
     */
    public static Map<String, Metric> assemble(Measurement measurement, Observations observations, long peakHeapBytes,
                                               long retainedBytes, OptionalDouble meterEnergy) {
        Map<String, Metric> metrics = new LinkedHashMap<>();
        List<Sample> samples = measurement.samples();
        double[] time = measurement.nanosPerOperation();
        metrics.put(MetricNames.TIME, sampled(MetricNames.TIME, "ns", Direction.LOWER_IS_BETTER, time));
        perOperation(samples, Sample::cpuNanos).ifPresent(cpu ->
                metrics.put(MetricNames.CPU_TIME, sampled(MetricNames.CPU_TIME, "ns", Direction.LOWER_IS_BETTER, cpu)));
        perOperation(samples, Sample::allocatedBytes).ifPresent(alloc ->
                metrics.put(MetricNames.ALLOCATED, sampled(MetricNames.ALLOCATED, "B", Direction.LOWER_IS_BETTER, alloc)));
        double[] throughput = throughput(measurement, time);
        Metric throughputMetric = sampled(MetricNames.THROUGHPUT, "ops/s", Direction.HIGHER_IS_BETTER, throughput);
        metrics.put(MetricNames.THROUGHPUT, throughputMetric);
        metrics.put(MetricNames.GC_COUNT, Metric.single(MetricNames.GC_COUNT, "", Direction.LOWER_IS_BETTER,
                samples.stream().mapToLong(Sample::gcCount).sum()));
        metrics.put(MetricNames.GC_TIME, Metric.single(MetricNames.GC_TIME, "ms", Direction.LOWER_IS_BETTER,
                samples.stream().mapToLong(Sample::gcMillis).sum()));
        if (peakHeapBytes >= 0) {
            metrics.put(MetricNames.PEAK_HEAP, Metric.single(MetricNames.PEAK_HEAP, "B", Direction.LOWER_IS_BETTER,
                    peakHeapBytes));
        }
        if (retainedBytes >= 0) {
            metrics.put(MetricNames.RETAINED, Metric.single(MetricNames.RETAINED, "B", Direction.LOWER_IS_BETTER,
                    retainedBytes));
        }
        double reportedEnergy = observations.energyPerInvocation();
        if (!Double.isNaN(reportedEnergy)) {
            metrics.put(MetricNames.ENERGY, Metric.single(MetricNames.ENERGY, "J", Direction.LOWER_IS_BETTER,
                    reportedEnergy));
        } else if (meterEnergy.isPresent()) {
            metrics.put(MetricNames.ENERGY, Metric.single(MetricNames.ENERGY, "J", Direction.LOWER_IS_BETTER,
                    meterEnergy.getAsDouble()));
        }
        long operations = measurement.totalOperations();
        observations.phaseNanos().forEach((name, nanos) -> {
            String key = MetricNames.PHASE_PREFIX + name;
            metrics.put(key, Metric.single(key, "ns", Direction.LOWER_IS_BETTER, (double) nanos / operations));
        });
        observations.counters().forEach((name, perOp) -> {
            metrics.put(name, Metric.single(name, name, Direction.HIGHER_IS_BETTER, perOp));
            double[] rates = Arrays.stream(throughput).map(t -> t * perOp).toArray();
            metrics.put(name + RATE_SUFFIX, sampled(name + RATE_SUFFIX, name + "/s", Direction.HIGHER_IS_BETTER, rates));
        });
        observations.metrics().forEach((name, m) ->
                metrics.put(name, Metric.single(name, m.unit(), m.direction(), m.value())));
        return metrics;
    }

    private static Metric sampled(String name, String unit, Direction direction, double[] values) {
        Summary summary = SummaryCalculator.summarize(values);
        return Metric.sampled(name, unit, direction, summary, values);
    }

    private static Optional<double[]> perOperation(List<Sample> samples, ToLongFunction<Sample> counter) {
        double[] out = new double[samples.size()];
        for (int i = 0; i < out.length; i++) {
            long v = counter.applyAsLong(samples.get(i));
            if (v < 0) {
                return Optional.empty();
            }
            out[i] = (double) v / samples.get(i).operations();
        }
        return Optional.of(out);
    }

    /** Operations per second: per round of all threads when load-testing, else per sample. */
    private static double[] throughput(Measurement measurement, double[] nanosPerOp) {
        long[] rounds = measurement.roundNanos();
        if (rounds.length > 0) {
            double opsPerRound = (double) measurement.batchSize() * measurement.threads();
            double[] out = new double[rounds.length];
            for (int i = 0; i < rounds.length; i++) {
                out[i] = opsPerRound * 1e9 / rounds[i];
            }
            return out;
        }
        return Arrays.stream(nanosPerOp).map(ns -> 1e9 / ns).toArray();
    }
}
