package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.PerfContext;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The current test's arguments, handed to the base method: a {@link PerfContext} becomes the capturing one;
 * values of shared types (JDK, JUnit, libraries) pass as they are; a constant of a project enum becomes the
 * base enum's constant of the same name (a parameterized test over the project's own enum). Any other value
 * of a project class is an instance of the current class, which the base's separately loaded class of the
 * same name does not accept.
 */
final class BaseArguments {

    private BaseArguments() {
    }

    static Object[] map(Method baseMethod, List<Object> arguments, PerfContext capturing) {
        Class<?>[] types = baseMethod.getParameterTypes();
        Object[] mapped = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Object argument = i < arguments.size() ? arguments.get(i) : null;
            if (types[i] == PerfContext.class) {
                mapped[i] = capturing;
            } else if (types[i].isPrimitive() || argument == null || types[i].isInstance(argument)) {
                mapped[i] = argument;
            } else if (argument instanceof Enum<?> constant && types[i].isEnum()) {
                mapped[i] = baseConstant(baseMethod, i, types[i], constant);
            } else {
                throw new ExtensionConfigurationException("Configuration error: revision A/B cannot pass parameter " + (i + 1)
                        + " of [" + baseMethod.getName() + "] to the base revision: its type [" + types[i].getName()
                        + "] does not accept the current [" + argument.getClass().getName() + "]. The project's classes"
                        + " are loaded separately for the base, so only values of JDK, JUnit and library types can be"
                        + " passed (numbers, strings, enums of a dependency); or drop perf.junit.baseline.revision.");
            }
        }
        return mapped;
    }

    /** The base enum's constant named like {@code constant}; a clear error when the base has no such constant. */
    private static Object baseConstant(Method baseMethod, int index, Class<?> baseEnum, Enum<?> constant) {
        for (Object candidate : baseEnum.getEnumConstants()) {
            if (((Enum<?>) candidate).name().equals(constant.name())) {
                return candidate;
            }
        }
        throw new ExtensionConfigurationException("Configuration error: revision A/B cannot pass parameter " + (index + 1)
                + " of [" + baseMethod.getName() + "] to the base revision: its enum [" + baseEnum.getName()
                + "] has no constant [" + constant.name() + "] there (a constant added since the base); nothing to"
                + " compare for this argument.");
    }
}
