package org.perfjunit.settings;

import org.perfjunit.MaxDuration;
import org.perfjunit.MaxEnergy;
import org.perfjunit.MaxMemory;
import org.perfjunit.MinThroughput;
import org.perfjunit.model.Statistic;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.verdict.Limit;
import org.perfjunit.engine.MetricAssembler;
import org.perfjunit.model.MetricNames;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code @MaxDuration}, {@code @MaxMemory}, {@code @MinThroughput} and {@code @MaxEnergy} into validated {@link Limit}s. */
final class LimitConfiguration {

    private LimitConfiguration() {
    }

    static List<Limit> resolve(AnnotationLadder annotations, Method method) {
        String where = method.getName() + "()";
        List<Limit> limits = new ArrayList<>();
        for (MaxDuration d : annotations.nearestRepeatable(MaxDuration.class)) {
            requirePositive("@MaxDuration", where, d.value());
            double nanos = d.value() * d.unit().toNanos(1);
            limits.add(new Limit("@MaxDuration", MetricNames.TIME, d.statistic(), nanos, true, "duration"));
        }
        for (MaxMemory m : annotations.nearestRepeatable(MaxMemory.class)) {
            if (!(m.value() >= 0) || Double.isInfinite(m.value())) {
                throw new ExtensionConfigurationException("Configuration error: @MaxMemory on [" + where
                        + "] must declare a 'value' of zero or more, was [" + m.value() + "].");
            }
            double bytes = m.unit().toBytes(m.value());
            limits.add(switch (m.kind()) {
                case ALLOCATED -> new Limit("@MaxMemory", MetricNames.ALLOCATED, Statistic.MEDIAN, bytes, true,
                        "allocated memory per invocation");
                case PEAK_HEAP -> new Limit("@MaxMemory", MetricNames.PEAK_HEAP, null, bytes, true, "peak heap");
                case RETAINED -> new Limit("@MaxMemory", MetricNames.RETAINED, null, bytes, true, "retained size");
            });
        }
        annotations.nearest(MinThroughput.class).ifPresent(t -> {
            requirePositive("@MinThroughput", where, t.value());
            double perSecond = t.value() * 1e9 / t.per().toNanos(1);
            String metric = t.counter().isBlank() ? MetricNames.THROUGHPUT : t.counter() + MetricAssembler.RATE_SUFFIX;
            String label = t.counter().isBlank() ? "throughput" : t.counter() + " throughput";
            limits.add(new Limit("@MinThroughput", metric, Statistic.MEDIAN, perSecond, false, label));
        });
        annotations.nearest(MaxEnergy.class).ifPresent(e -> limits.add(new Limit("@MaxEnergy", MetricNames.ENERGY, null,
                MaxEnergyConfiguration.limitJoules(e, method), true, "energy per invocation")));
        return limits;
    }

    private static void requirePositive(String annotation, String where, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ExtensionConfigurationException("Configuration error: " + annotation + " on [" + where
                    + "] must declare a positive 'value', was [" + value + "].");
        }
    }

}
