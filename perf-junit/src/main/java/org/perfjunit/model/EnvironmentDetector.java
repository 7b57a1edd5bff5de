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
import java.util.function.Function;
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
                hostname(),
                cpuIdentity(Path.of("/proc/cpuinfo"), Path.of("/sys/devices/system/cpu/cpu0/cache"),
                        EnvironmentDetector::getconf));
    }

    /**
     * The CPU identity from {@code cpuinfo} and the cache sizes under {@code cacheDir}, or from
     * {@code getconf} (a positive size by name, or null) when sysfs hides them, as VMs often do.
     */
    static CpuIdentity cpuIdentity(Path cpuinfo, Path cacheDir, Function<String, Long> getconf) {
        String text;
        try {
            text = Files.isReadable(cpuinfo) ? Files.readString(cpuinfo, StandardCharsets.UTF_8) : "";
        } catch (IOException | RuntimeException e) {
            text = "";
        }
        Long l2 = cacheSize(cacheDir, 2);
        Long l3 = cacheSize(cacheDir, 3);
        if (l2 == null && l3 == null && !text.isEmpty()) {
            l2 = getconf.apply("LEVEL2_CACHE_SIZE");
            l3 = getconf.apply("LEVEL3_CACHE_SIZE");
        }
        return text.isEmpty() && l2 == null && l3 == null ? null : CpuIdentity.fromCpuinfo(text, l2, l3);
    }

    /** The size of the level-{@code level} data or unified cache under sysfs, or null. */
    static Long cacheSize(Path cacheDir, int level) {
        if (!Files.isDirectory(cacheDir)) {
            return null;
        }
        try (var indexes = Files.list(cacheDir)) {
            for (Path index : indexes.filter(p -> p.getFileName().toString().startsWith("index")).sorted().toList()) {
                String lvl = read(index.resolve("level"));
                String type = read(index.resolve("type"));
                if (String.valueOf(level).equals(lvl) && !"Instruction".equals(type)) {
                    return CpuIdentity.kilobytes(read(index.resolve("size")));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String read(Path file) throws IOException {
        return Files.isReadable(file) ? Files.readString(file, StandardCharsets.UTF_8).trim() : null;
    }

    /** A positive {@code getconf} value, or null (containers often hide sysfs caches; glibc reads CPUID). */
    private static Long getconf(String name) {
        String out = run(List.of("getconf", name));
        try {
            long value = out == null ? 0 : Long.parseLong(out);
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
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
        String out = run(List.of("git", "-C", dir.toString(), "rev-parse", "HEAD"));
        return out != null && out.matches("[0-9a-f]{40}") ? out : null;
    }

    /** The trimmed output of {@code command} when it exits 0 within 5 s, else null. */
    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? out : null;
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
