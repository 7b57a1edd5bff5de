package org.perfjunit.settings;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/** How configuration errors name the annotated element: {@code method()} or the class's simple name. */
public final class ElementName {

    private ElementName() {
    }

    public static String of(AnnotatedElement element) {
        if (element instanceof Method m) {
            return m.getName() + "()";
        }
        return element instanceof Class<?> c ? c.getSimpleName() : String.valueOf(element);
    }
}
