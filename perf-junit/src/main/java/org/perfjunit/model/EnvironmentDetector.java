package org.perfjunit.model;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Reads the current machine's {@link Environment}. */
public final class EnvironmentDetector {

    private EnvironmentDetector() {
    }

    /** The environment of this JVM; the git commit is looked up from the working directory. */
    public static Environment detect() {
        String gc = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(","));
        return new Environment(
                System.getProperty("os.name"),
                System.getProperty("os.version"),
                System.getProperty("os.arch"),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature(),
                System.getProperty("java.vm.vendor"),
                System.getProperty("java.vm.version"),
                gc,
                Runtime.getRuntime().maxMemory(),
                gitCommit(Path.of("").toAbsolutePath()),
                hostname());
    }

    static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("model name") || lower.startsWith("hardware") || lower.startsWith("cpu model")) {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            return line.substring(colon + 1).trim();
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the generic name
            }
        }
        String env = System.getenv("PROCESSOR_IDENTIFIER");
        return env != null ? env : System.getProperty("os.arch", "unknown");
    }

    /** The commit hash of the git checkout containing {@code dir}, or null (no git, not a checkout). */
    static String gitCommit(Path dir) {
        String fromEnv = System.getenv("GITHUB_SHA");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            Process p = new ProcessBuilder(List.of("git", "rev-parse", "HEAD")).directory(dir.toFile())
                    .redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
