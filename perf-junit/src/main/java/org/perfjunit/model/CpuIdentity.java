package org.perfjunit.model;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What identifies a processor beyond its model name, which under a hypervisor can read only
 * {@code AMD EPYC} for five processor generations: vendor, family, model and stepping (CPUID), the
 * L2 and L3 cache sizes, and whether the machine is virtualized. Each component is null when the
 * platform does not say.
 *
 * @param vendor       CPUID vendor, e.g. {@code AuthenticAMD}, {@code GenuineIntel}
 * @param family       CPUID family, e.g. {@code 23} (Zen 1/2), {@code 25} (Zen 3/4), {@code 26} (Zen 5)
 * @param model        CPUID model within the family
 * @param stepping     CPUID stepping
 * @param l2CacheBytes L2 cache size per core
 * @param l3CacheBytes L3 cache size
 * @param virtualized  whether a hypervisor is present
 */
public record CpuIdentity(String vendor, Integer family, Integer model, Integer stepping, Long l2CacheBytes,
                          Long l3CacheBytes, Boolean virtualized) {

    /** The identity read from the text of {@code /proc/cpuinfo} (its first processor) and the given cache sizes. */
    public static CpuIdentity fromCpuinfo(String cpuinfo, Long l2CacheBytes, Long l3CacheBytes) {
        Map<String, String> fields = firstProcessor(cpuinfo);
        String flags = fields.get("flags");
        Long l2 = l2CacheBytes != null ? l2CacheBytes : kilobytes(fields.get("cache size"));
        return new CpuIdentity(fields.get("vendor_id"), integer(fields.get("cpu family")), integer(fields.get("model")),
                integer(fields.get("stepping")), l2, l3CacheBytes,
                flags == null ? null : (" " + flags + " ").contains(" hypervisor "));
    }

    private static Map<String, String> firstProcessor(String cpuinfo) {
        Map<String, String> fields = new TreeMap<>();
        for (String line : cpuinfo.split("\n")) {
            if (line.isBlank()) {
                if (!fields.isEmpty()) {
                    break;
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return fields;
    }

    private static Integer integer(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null; // ARM reports hexadecimal part numbers under other names; no family then
        }
    }

    /** {@code "1024 KB"} as bytes, or null. */
    static Long kilobytes(String value) {
        if (value == null) {
            return null;
        }
        // "1024 KB" in /proc/cpuinfo, "1024K" in sysfs
        String[] parts = value.trim().toUpperCase(Locale.ROOT).split("(?<=\\d)(?=[A-Z])|\\s+");
        try {
            long n = Long.parseLong(parts[0]);
            String unit = parts.length > 1 ? parts[1] : "B";
            return switch (unit) {
                case "K", "KB", "KIB" -> n * 1024;
                case "M", "MB", "MIB" -> n * 1024 * 1024;
                default -> n;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
