package org.perfjunit.engine;

import java.time.Duration;

/**
 * How the {@link Sampler} measures, already resolved from annotations and configuration.
 *
 * @param warmupIterations  fixed warm-up batches, or -1 to detect steady state
 * @param maxWarmup         cap on warm-up time (steady-state detection gives up here)
 * @param iterations        fixed number of samples, or -1 for adaptive stopping
 * @param minSamples        adaptive: never stop before this many samples
 * @param maxSamples        adaptive: never take more than this many samples
 * @param minTime           adaptive: never stop measuring before this
 * @param maxTime           stop measuring after this, whatever the precision
 * @param targetPrecision   adaptive: stop when the median's CI half-width / median is at most this
 * @param batchSize         operations per sample, or -1 to calibrate
 * @param minSampleTime     calibration target: a sample lasts at least this long
 * @param threads           threads invoking the operation concurrently
 */
public record SamplerSettings(int warmupIterations, Duration maxWarmup, int iterations, int minSamples, int maxSamples,
                              Duration minTime, Duration maxTime, double targetPrecision, long batchSize,
                              Duration minSampleTime, int threads) {

    /** Defaults: detected warm-up capped at 5 s, adaptive 1% precision with 10..1000 samples, 0.2..10 s, 1 ms samples. */
    public static SamplerSettings defaults() {
        return new SamplerSettings(-1, Duration.ofSeconds(5), -1, 10, 1000, Duration.ofMillis(200),
                Duration.ofSeconds(10), 0.01, -1, Duration.ofMillis(1), 1);
    }

    public SamplerSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        if (iterations == 0 || iterations < -1) {
            throw new IllegalArgumentException("iterations must be positive or -1 (adaptive), was " + iterations);
        }
        if (minSamples < 2 || maxSamples < minSamples) {
            throw new IllegalArgumentException("need 2 <= minSamples <= maxSamples, was " + minSamples + ".." + maxSamples);
        }
    }

    public SamplerSettings withIterations(int newIterations) {
        return new SamplerSettings(warmupIterations, maxWarmup, newIterations, minSamples, maxSamples, minTime, maxTime,
                targetPrecision, batchSize, minSampleTime, threads);
    }

    public SamplerSettings withWarmupIterations(int newWarmup) {
        return new SamplerSettings(newWarmup, maxWarmup, iterations, minSamples, maxSamples, minTime, maxTime,
                targetPrecision, batchSize, minSampleTime, threads);
    }

    public SamplerSettings withBatchSize(long newBatch) {
        return new SamplerSettings(warmupIterations, maxWarmup, iterations, minSamples, maxSamples, minTime, maxTime,
                targetPrecision, newBatch, minSampleTime, threads);
    }

    public SamplerSettings withMaxWarmup(Duration newMaxWarmup) {
        return new SamplerSettings(warmupIterations, newMaxWarmup, iterations, minSamples, maxSamples, minTime, maxTime,
                targetPrecision, batchSize, minSampleTime, threads);
    }

    /** Fixed samples (or -1 for adaptive) and the adaptive bounds, together because they are checked together. */
    public SamplerSettings withSampleCounts(int newIterations, int newMinSamples, int newMaxSamples) {
        return new SamplerSettings(warmupIterations, maxWarmup, newIterations, newMinSamples, newMaxSamples, minTime,
                maxTime, targetPrecision, batchSize, minSampleTime, threads);
    }

    public SamplerSettings withTimes(Duration newMinTime, Duration newMaxTime) {
        return new SamplerSettings(warmupIterations, maxWarmup, iterations, minSamples, maxSamples, newMinTime,
                newMaxTime, targetPrecision, batchSize, minSampleTime, threads);
    }

    public SamplerSettings withThreads(int newThreads) {
        return new SamplerSettings(warmupIterations, maxWarmup, iterations, minSamples, maxSamples, minTime, maxTime,
                targetPrecision, batchSize, minSampleTime, newThreads);
    }
}
