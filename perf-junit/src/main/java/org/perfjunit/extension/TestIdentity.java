package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Stable identity of a test across runs: {@code pkg.Outer$Inner#method(int, String)}, plus
 * {@code [n]} and the invocation's display name for a parameterized invocation, so each
 * parameter set keeps its own baseline.
 */
final class TestIdentity {

    private TestIdentity() {
    }

    static String of(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        String params = Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", "));
        String base = context.getRequiredTestClass().getName() + "#" + method.getName() + "(" + params + ")";
        String uniqueId = context.getUniqueId();
        int invocation = uniqueId.lastIndexOf("-invocation:#");
        if (invocation < 0) {
            return base;
        }
        String index = uniqueId.substring(invocation + "-invocation:#".length()).replaceAll("\\].*$", "");
        return base + "[" + index + "] " + context.getDisplayName();
    }
}
