package org.perfjunit.settings;

import org.junit.platform.commons.support.AnnotationSupport;
import org.perfjunit.RequiresHardware;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@link RequiresHardware}: the names one element requires (its own declarations only, since
 * the condition checks the class in its container context and the method in the method's), and
 * what missing hardware does ({@value RequiresHardware#MISSING_PROPERTY_NAME}).
 */
public final class HardwareConfiguration {

    private HardwareConfiguration() {
    }

    /** The hardware names {@code element} itself requires, in declaration order; none for null. */
    public static Set<String> requiredBy(AnnotatedElement element) {
        Set<String> names = new LinkedHashSet<>();
        if (element != null) {
            AnnotationSupport.findRepeatableAnnotations(element, RequiresHardware.class)
                    .forEach(a -> names.addAll(Arrays.asList(a.value())));
        }
        return names;
    }

    /** Skip (default) or fail when required hardware is missing. */
    public static MissingHardwareMode missingMode(Function<String, Optional<String>> parameters) {
        return MissingHardwareMode.parse(parameters.apply(RequiresHardware.MISSING_PROPERTY_NAME));
    }
}
