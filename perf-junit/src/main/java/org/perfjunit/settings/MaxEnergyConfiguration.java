package org.perfjunit.settings;

import org.perfjunit.MaxEnergy;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.AnnotatedElement;

/** Validates a {@link MaxEnergy} and converts its limit to joules, the unit results store. */
final class MaxEnergyConfiguration {

    private MaxEnergyConfiguration() {
    }

    /**
     * The limit in joules.
     *
     * @param element the annotated test method or class, named in the error
     * @throws ExtensionConfigurationException when the value is not positive and finite
     */
    static double limitJoules(MaxEnergy annotation, AnnotatedElement element) {
        double value = annotation.value();
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new ExtensionConfigurationException("Configuration error: @MaxEnergy on [" + ElementName.of(element)
                    + "] must declare a positive, finite 'value', was [" + value
                    + "]; e.g. @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES).");
        }
        return annotation.unit().toJoules(value);
    }
}
