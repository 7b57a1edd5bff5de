package org.perfjunit.settings;

import org.perfjunit.Performance;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the target invocation rate of a load test ({@link Performance#rate()}): method
 * annotation > class (and enclosing classes) > key {@value #RATE_PROPERTY_NAME} > none.
 */
final class LoadConfiguration {

    /** {@value}: target rate for every performance test, e.g. {@code 500/s}; unset (default) = no schedule. */
    static final String RATE_PROPERTY_NAME = "perf.junit.load.rate";

    private LoadConfiguration() {
    }

    /** Invocations per second, or NaN when the test runs unpaced. */
    static double rate(AnnotationLadder annotations, Method method, ConfigurationReader reader) {
        List<Performance> ladder = annotations.all(Performance.class);
        for (Performance p : ladder) {
            if (!p.rate().isBlank()) {
                try {
                    return RateParser.perSecond(p.rate());
                } catch (IllegalArgumentException e) {
                    throw SamplerConfiguration.invalid(method.getName() + "()", "rate", "\"" + p.rate() + "\"",
                            "a rate such as 500/s, 2/ms or 30000/min");
                }
            }
        }
        Optional<String> key = reader.text(RATE_PROPERTY_NAME);
        if (key.isEmpty()) {
            return Double.NaN;
        }
        try {
            return RateParser.perSecond(key.get());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException("Configuration error: [" + RATE_PROPERTY_NAME + "=" + key.get()
                    + "] is invalid; write a rate such as 500/s, 2/ms or 30000/min.");
        }
    }
}
