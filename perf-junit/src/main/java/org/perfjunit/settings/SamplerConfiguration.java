package org.perfjunit.settings;

import org.perfjunit.Performance;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.engine.SamplerSettings;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Resolves {@link SamplerSettings} attribute by attribute: method {@code @Performance} >
 * class (and enclosing classes for {@code @Nested}) {@code @Performance} > configuration key > default.
 */
final class SamplerConfiguration {

    private SamplerConfiguration() {
    }

    static SamplerSettings resolve(AnnotationLadder annotations, Method method, SamplerSettings configured) {
        List<Performance> ladder = annotations.all(Performance.class);
        String where = method.getName() + "()";
        int warmup = pick(ladder, Performance::warmupIterations, v -> v != -1, configured.warmupIterations());
        if (warmup < -1) {
            throw invalid(where, "warmupIterations", warmup, "a number of warm-up batches >= 0, or -1 to detect steady state");
        }
        int iterations = pick(ladder, Performance::iterations, v -> v != -1, configured.iterations());
        if (iterations == 0 || iterations < -1) {
            throw invalid(where, "iterations", iterations, "a positive number of samples, or -1 for adaptive stopping");
        }
        int minSamples = pick(ladder, Performance::minSamples, v -> v != -1, configured.minSamples());
        if (minSamples < 2) {
            throw invalid(where, "minSamples", minSamples, "at least 2");
        }
        double precision = pick(ladder, Performance::precision, v -> v != -1, configured.targetPrecision());
        if (!(precision > 0 && precision < 1)) {
            throw invalid(where, "precision", precision, "a fraction between 0 and 1, e.g. 0.01 for 1%");
        }
        long batch = pick(ladder, Performance::batchSize, v -> v != -1, configured.batchSize());
        if (batch == 0 || batch < -1) {
            throw invalid(where, "batchSize", batch, "a positive batch size, or -1 to calibrate");
        }
        int threads = pick(ladder, Performance::threads, v -> v != -1, configured.threads());
        if (threads < 1) {
            throw invalid(where, "threads", threads, "at least 1");
        }
        Duration maxWarmup = duration(ladder, Performance::maxWarmupTime, "maxWarmupTime", where, configured.maxWarmup());
        Duration minTime = duration(ladder, Performance::minTime, "minTime", where, configured.minTime());
        Duration maxTime = duration(ladder, Performance::maxTime, "maxTime", where, configured.maxTime());
        if (maxTime.isZero()) {
            throw invalid(where, "maxTime", "0", "a positive duration such as 10s");
        }
        return new SamplerSettings(warmup, maxWarmup, iterations, minSamples,
                Math.max(minSamples, configured.maxSamples()), minTime, maxTime, precision, batch,
                configured.minSampleTime(), threads);
    }

    private static <T> T pick(List<Performance> ladder, Function<Performance, T> attribute, Predicate<T> isSet, T fallback) {
        for (Performance p : ladder) {
            T value = attribute.apply(p);
            if (isSet.test(value)) {
                return value;
            }
        }
        return fallback;
    }

    private static Duration duration(List<Performance> ladder, Function<Performance, String> attribute, String name,
                                     String where, Duration fallback) {
        String text = pick(ladder, attribute, v -> !v.isBlank(), "");
        if (text.isBlank()) {
            return fallback;
        }
        try {
            return DurationParser.parse(text);
        } catch (IllegalArgumentException e) {
            throw invalid(where, name, "\"" + text + "\"", "a duration such as 500ms, 2s or 1m");
        }
    }

    static ExtensionConfigurationException invalid(String where, String attribute, Object value, String expected) {
        return new ExtensionConfigurationException("Configuration error: @Performance on [" + where + "] has "
                + attribute + " [" + value + "]; it must be " + expected + ".");
    }
}
