package org.perfjunit.model;

import java.util.Locale;

/**
 * The folder name that separates baselines by machine kind: OS, architecture, CPU model, logical
 * cores and JVM major version, e.g. {@code linux-amd64-intel-xeon-platinum-8375c-2c-jdk17}. Only
 * characters {@code [a-z0-9.-]} appear, so the key is safe as a path segment on every OS.
 */
public final class EnvironmentKey {

    private EnvironmentKey() {
    }

    /** The key of {@code environment}. */
    public static String of(Environment environment) {
        String cpu = environment.cpuModel() == null ? "unknown-cpu" : environment.cpuModel()
                .replaceAll("\\((R|TM|tm|r)\\)", "")
                .replaceAll("(?i)\\bCPU\\b", "")
                .replaceAll("(?i)@.*$", "");
        return String.join("-",
                slug(environment.os()),
                slug(environment.arch()),
                slug(cpu),
                environment.logicalCores() + "c",
                "jdk" + environment.jvmMajor());
    }

    static String slug(String s) {
        if (s == null || s.isBlank()) {
            return "unknown";
        }
        String slug = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "")
                .replaceAll("\\.{2,}", ".");
        if (slug.length() > 48) {
            slug = slug.substring(0, 48).replaceAll("-+$", "");
        }
        return slug.isEmpty() || slug.equals(".") ? "unknown" : slug;
    }
}
