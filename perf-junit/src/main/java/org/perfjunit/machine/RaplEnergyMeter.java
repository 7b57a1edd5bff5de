package org.perfjunit.machine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Energy from Linux powercap RAPL counters: {@code /sys/class/powercap/intel-rapl:N/energy_uj}
 * (CPU packages, also used by AMD's RAPL driver) plus their {@code dram} sub-domains. Core and
 * uncore sub-domains are part of the package and {@code psys} covers the package, so they are not
 * added to avoid double counting. Counters wrap at {@code max_energy_range_uj}; one wrap per
 * domain between start and stop is corrected, so measurements must be shorter than the wrap
 * period (minutes to hours, depending on the CPU).
 *
 * <p>Since Linux 5.10 {@code energy_uj} is readable only by root; the meter is then unavailable
 * with that reason ({@code sudo chmod a+r /sys/class/powercap/intel-rapl:*}{@code /energy_uj}
 * enables it). Stateless apart from the root path: thread-safe.
 */
public final class RaplEnergyMeter implements EnergyMeter {

    /** Where Linux exposes powercap zones. */
    public static final Path DEFAULT_ROOT = Path.of("/sys/class/powercap");

    private static final Pattern PACKAGE_ZONE = Pattern.compile("intel-rapl:\\d+");
    private static final Pattern SUB_ZONE = Pattern.compile("intel-rapl:\\d+:\\d+");

    private final Path root;

    /** Reads {@link #DEFAULT_ROOT}. */
    public RaplEnergyMeter() {
        this(DEFAULT_ROOT);
    }

    /** Reads the powercap tree under {@code root} (for tests: a fake tree). */
    public RaplEnergyMeter(Path root) {
        this.root = root;
    }

    @Override
    public String name() {
        return "rapl";
    }

    @Override
    public Availability probe() {
        List<Domain> domains;
        try {
            domains = domains();
        } catch (IOException e) {
            return Availability.unavailable("cannot list " + root + ": " + e.getMessage());
        }
        if (domains.isEmpty()) {
            return Availability.unavailable("no " + root.resolve("intel-rapl:*") + " package domains");
        }
        for (Domain d : domains) {
            if (!Files.isReadable(d.counter())) {
                return Availability.unavailable(d.counter() + " not readable (root-only since Linux 5.10)");
            }
        }
        return Availability.available(domains.stream().map(Domain::name).collect(Collectors.joining(", ")));
    }

    @Override
    public EnergyReading start() {
        List<Domain> domains;
        try {
            domains = domains();
        } catch (IOException e) {
            throw new EnergyMeterException("rapl: cannot list " + root, e);
        }
        long[] before = read(domains);
        return () -> {
            long[] after = read(domains);
            long microjoules = 0;
            for (int i = 0; i < domains.size(); i++) {
                microjoules += domains.get(i).delta(before[i], after[i]);
            }
            return microjoules / 1e6;
        };
    }

    /** Package zones and their DRAM sub-zones, sorted by directory name. */
    List<Domain> domains() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Domain> domains = new ArrayList<>();
        try (Stream<Path> zones = Files.list(root)) {
            for (Path zone : zones.sorted().toList()) {
                String dir = zone.getFileName().toString();
                String name = readName(zone);
                boolean pkg = PACKAGE_ZONE.matcher(dir).matches() && name.startsWith("package");
                boolean dram = SUB_ZONE.matcher(dir).matches() && name.equals("dram");
                if ((pkg || dram) && Files.exists(zone.resolve("energy_uj"))) {
                    domains.add(new Domain(name, zone.resolve("energy_uj"), readLong(zone.resolve("max_energy_range_uj"))));
                }
            }
        }
        return domains;
    }

    private static String readName(Path zone) throws IOException {
        Path name = zone.resolve("name");
        return Files.isReadable(name) ? Files.readString(name, StandardCharsets.US_ASCII).trim() : "";
    }

    private static long[] read(List<Domain> domains) {
        long[] values = new long[domains.size()];
        for (int i = 0; i < values.length; i++) {
            try {
                values[i] = readLong(domains.get(i).counter());
            } catch (IOException | NumberFormatException e) {
                throw new EnergyMeterException("rapl: cannot read " + domains.get(i).counter(), e);
            }
        }
        return values;
    }

    private static long readLong(Path file) throws IOException {
        return Long.parseLong(Files.readString(file, StandardCharsets.US_ASCII).trim());
    }

    /** One counter; {@code maxRange} is the value at which it wraps to 0. */
    record Domain(String name, Path counter, long maxRange) {
        long delta(long before, long after) {
            return after >= before ? after - before : maxRange - before + after;
        }
    }
}
