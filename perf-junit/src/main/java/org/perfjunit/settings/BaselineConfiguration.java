package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.Baseline;
import org.perfjunit.baseline.BaselineKeys;
import org.perfjunit.baseline.BaselineSettings;

import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@link BaselineSettings} for one test from {@link Baseline} on the method and on its class
 * (or an enclosing class), then the {@code perf.junit.baseline.*} keys ({@link BaselineKeys}, shared
 * with the command line), then defaults. An invalid value is an {@link ExtensionConfigurationException}.
 */
final class BaselineConfiguration {

    private final BaselineKeys keys;

    BaselineConfiguration(Function<String, Optional<String>> configuration) {
        this.keys = new BaselineKeys(configuration);
    }

    /** The settings when the test (or its class, or a composed annotation) asks for a baseline. */
    Optional<BaselineSettings> resolve(AnnotationLadder ladder, String testName) {
        Optional<Baseline> onMethod = ladder.onMethod(Baseline.class);
        Optional<Baseline> onClass = ladder.onClasses(Baseline.class);
        if (onMethod.isEmpty() && onClass.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(resolve(onMethod, onClass, testName));
    }

    /** The settings of {@code testName} (used in messages) given its method and class annotations. */
    BaselineSettings resolve(Optional<Baseline> method, Optional<Baseline> type, String testName) {
        try {
            return keys.resolve(method.map(BaselineConfiguration::declared), type.map(BaselineConfiguration::declared),
                    testName);
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
    }

    private static BaselineKeys.Declared declared(Baseline b) {
        return new BaselineKeys.Declared(b.mode(), b.metrics(), b.statistic(), b.warning(), b.critical(), b.against(),
                b.maxRatio());
    }
}
