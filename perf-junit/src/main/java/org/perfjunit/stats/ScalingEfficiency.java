package org.perfjunit.stats;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Parallel scaling of one workload over thread (or chip) counts, as the tensor and spiking
 * reference suites report it: speedup(n) = t(base) / t(n) and efficiency(n) =
 * speedup(n) / (n / base), where base is the smallest count measured (usually 1). Efficiency 1.0
 * is perfect linear scaling; 0.5 means half the added threads are wasted.
 *
 * <pre>{@code
 * ScalingEfficiency scaling = ScalingEfficiency.of(Map.of(1, 800e6, 2, 420e6, 4, 230e6));
 * assertThat(scaling.efficiency(4)).isGreaterThan(0.8);
 * }</pre>
 */
public final class ScalingEfficiency {

    private final SortedMap<Integer, Double> nanosByThreads;

    private ScalingEfficiency(SortedMap<Integer, Double> nanosByThreads) {
        this.nanosByThreads = nanosByThreads;
    }

    /**
     * @param nanosByThreads time of the same work per thread count; counts positive, times positive
     * @throws IllegalArgumentException when empty or holding invalid values
     */
    public static ScalingEfficiency of(Map<Integer, Double> nanosByThreads) {
        if (nanosByThreads.isEmpty()) {
            throw new IllegalArgumentException("scaling efficiency needs at least one thread count");
        }
        nanosByThreads.forEach((threads, nanos) -> {
            if (threads < 1 || !(nanos > 0) || Double.isInfinite(nanos)) {
                throw new IllegalArgumentException("invalid point: " + threads + " threads, " + nanos + " ns");
            }
        });
        return new ScalingEfficiency(Collections.unmodifiableSortedMap(new TreeMap<>(nanosByThreads)));
    }

    /** The smallest thread count, the reference for speedups. */
    public int baselineThreads() {
        return nanosByThreads.firstKey();
    }

    /** t(base) / t(threads). */
    public double speedup(int threads) {
        return nanosByThreads.get(baselineThreads()) / time(threads);
    }

    /** speedup(threads) / (threads / base): 1.0 is linear scaling. */
    public double efficiency(int threads) {
        return speedup(threads) / ((double) threads / baselineThreads());
    }

    /** Efficiency per measured thread count, ascending. */
    public SortedMap<Integer, Double> efficiencies() {
        SortedMap<Integer, Double> result = new TreeMap<>();
        nanosByThreads.keySet().forEach(t -> result.put(t, efficiency(t)));
        return Collections.unmodifiableSortedMap(result);
    }

    /** For reports: {@code 1 thread: 1.00× (100%), 2 threads: 1.90× (95%), 4 threads: 3.48× (87%)}. */
    public String description() {
        return nanosByThreads.keySet().stream()
                .map(t -> String.format(Locale.ROOT, "%d thread%s: %.2f× (%.0f%%)", t, t == 1 ? "" : "s",
                        speedup(t), efficiency(t) * 100))
                .collect(Collectors.joining(", "));
    }

    private double time(int threads) {
        Double nanos = nanosByThreads.get(threads);
        if (nanos == null) {
            throw new IllegalArgumentException("no measurement for " + threads + " threads; measured " + nanosByThreads.keySet());
        }
        return nanos;
    }
}
