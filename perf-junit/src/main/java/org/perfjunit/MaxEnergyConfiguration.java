package org.perfjunit;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

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
            throw new ExtensionConfigurationException("Configuration error: @MaxEnergy on [" + describe(element)
                    + "] must declare a positive, finite 'value', was [" + value
                    + "]; e.g. @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES).");
        }
        return annotation.unit().toJoules(value);
    }

    /** {@code method()} for methods, the simple name for classes, as in all configuration errors. */
    static String describe(AnnotatedElement element) {
        if (element instanceof Method m) {
            return m.getName() + "()";
        }
        return element instanceof Class<?> c ? c.getSimpleName() : String.valueOf(element);
    }
}
