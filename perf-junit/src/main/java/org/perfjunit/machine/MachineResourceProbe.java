package org.perfjunit.machine;

import com.sun.management.OperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameterized probes for machine size:
 * <ul>
 *   <li>{@code cores>=N}: at least N processors available to the JVM
 *       ({@link Runtime#availableProcessors()}, which honours container CPU limits);</li>
 *   <li>{@code memory>=N<unit>}: at least that much physical memory (container-aware), unit
 *       {@code M} or {@code G} (binary: 1G = 1024³ bytes), e.g. {@code memory>=16G}.</li>
 * </ul>
 * Names are written without spaces; the unit is case-insensitive.
 */
public final class MachineResourceProbe implements HardwareProbe {

    private static final Pattern CORES = Pattern.compile("cores>=(\\d{1,6})");
    private static final Pattern MEMORY = Pattern.compile("memory>=(\\d{1,9})([mMgG])");

    private final IntSupplier cores;
    private final LongSupplier memoryBytes;

    /** Reads the JVM's processor count and the machine's physical memory. */
    public MachineResourceProbe() {
        this(Runtime.getRuntime()::availableProcessors, MachineResourceProbe::physicalMemory);
    }

    /** For tests: injected processor count and memory size. */
    MachineResourceProbe(IntSupplier cores, LongSupplier memoryBytes) {
        this.cores = cores;
        this.memoryBytes = memoryBytes;
    }

    @Override
    public Set<String> names() {
        return Set.of("cores>=<n>", "memory>=<n>M", "memory>=<n>G");
    }

    @Override
    public boolean handles(String name) {
        return CORES.matcher(name).matches() || MEMORY.matcher(name).matches();
    }

    @Override
    public ProbeResult probe(String name) {
        Matcher c = CORES.matcher(name);
        if (c.matches()) {
            int need = Integer.parseInt(c.group(1));
            int have = cores.getAsInt();
            String detail = have + " cores available, " + need + " required";
            return have >= need ? ProbeResult.present(detail) : ProbeResult.absent(detail);
        }
        Matcher m = MEMORY.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a machine resource name: " + name);
        }
        long unit = m.group(2).toUpperCase(Locale.ROOT).equals("G") ? 1L << 30 : 1L << 20;
        long need = Long.parseLong(m.group(1)) * unit;
        long have = memoryBytes.getAsLong();
        String detail = String.format(Locale.ROOT, "%.1f GiB physical memory, %.1f GiB required",
                have / (double) (1L << 30), need / (double) (1L << 30));
        return have >= need ? ProbeResult.present(detail) : ProbeResult.absent(detail);
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory(); // lower bound when the platform bean is missing
    }
}
