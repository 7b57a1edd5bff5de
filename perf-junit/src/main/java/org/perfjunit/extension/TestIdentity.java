package org.perfjunit.extension;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stable identity of a test across runs: {@code pkg.Outer$Inner#method(int, String)}, plus
 * {@code [n]} and the invocation's display name for a parameterized invocation, so each
 * parameter set keeps its own baseline. An argument without its own {@code toString()} shows as
 * {@code Workload@5ce33a58}, a hash that changes every run: the hash is dropped from the identity, so
 * the key stays {@code ...[1] [1] Workload} and the baseline is found again.
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
        return base + "[" + index + "] " + withoutIdentityHashes(context.getDisplayName());
    }

    /** {@code Object.toString()}'s {@code Name@1b6d3586} becomes {@code Name}. */
    static String withoutIdentityHashes(String displayName) {
        return IDENTITY_HASH.matcher(displayName).replaceAll("$1");
    }

    private static final Pattern IDENTITY_HASH = Pattern.compile("([\\p{L}\\p{N}_$.]+)@[0-9a-f]{1,8}\\b");
}
