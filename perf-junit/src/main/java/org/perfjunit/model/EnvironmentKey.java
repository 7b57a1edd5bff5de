package org.perfjunit.model;

import java.util.Locale;

/**
 * The folder name that separates baselines by machine kind: OS, architecture, CPU model name, CPU
 * family and model where the platform reports them, logical cores and JVM major version, e.g.
 * {@code linux-amd64-amd-epyc-family26-model2-2c-jdk17}. The family and model matter because a
 * hypervisor may show one model name for several processor generations. Only characters
 * {@code [a-z0-9.-]} appear, so the key is safe as a path segment on every OS. The key only sorts
 * files; {@link MachineSignature} decides whether a stored baseline may be judged.
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
        CpuIdentity id = environment.cpu();
        String generation = id == null || id.family() == null || id.model() == null ? ""
                : "-family" + id.family() + "-model" + id.model();
        return String.join("-",
                slug(environment.os()),
                slug(environment.arch()),
                slug(cpu) + generation,
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
