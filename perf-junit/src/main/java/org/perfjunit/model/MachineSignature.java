package org.perfjunit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Decides whether two {@link Environment}s are the same kind of machine for timing purposes: the
 * CPU (model name, vendor, family, model, stepping, L2 and L3 size, virtualized or not), the core
 * count, the JVM (vendor and feature version), the garbage collector and the maximum heap. A
 * baseline recorded on another signature is information, never a verdict.
 */
public final class MachineSignature {

    private MachineSignature() {
    }

    /**
     * What differs between the machine a baseline was {@code recorded} on and the {@code current}
     * one, as short phrases ({@code "CPU family 23 vs 26"}); empty when they match.
     */
    public static List<String> differences(Environment recorded, Environment current) {
        List<String> out = new ArrayList<>();
        if (recorded == null) {
            out.add("the baseline names no machine");
            return out;
        }
        CpuIdentity then = recorded.cpu();
        CpuIdentity now = current.cpu();
        if (then == null && now != null) {
            out.add("recorded without a CPU signature by an older perf-junit");
        }
        compare(out, "CPU", recorded.cpuModel(), current.cpuModel());
        if (then != null && now != null) {
            compare(out, "CPU vendor", then.vendor(), now.vendor());
            compare(out, "CPU family", then.family(), now.family());
            compare(out, "CPU model", then.model(), now.model());
            compare(out, "CPU stepping", then.stepping(), now.stepping());
            compareBytes(out, "L2", then.l2CacheBytes(), now.l2CacheBytes());
            compareBytes(out, "L3", then.l3CacheBytes(), now.l3CacheBytes());
            compare(out, "virtualized", then.virtualized(), now.virtualized());
        }
        compare(out, "cores", recorded.logicalCores(), current.logicalCores());
        compare(out, "JVM vendor", recorded.jvmVendor(), current.jvmVendor());
        compare(out, "JDK", recorded.jvmMajor(), current.jvmMajor());
        compare(out, "GC", recorded.gc(), current.gc());
        compareBytes(out, "max heap", recorded.maxHeapBytes(), current.maxHeapBytes());
        return out;
    }

    private static void compare(List<String> out, String what, Object then, Object now) {
        if (!Objects.equals(then, now)) {
            out.add(what + " " + text(then, String::valueOf) + " vs " + text(now, String::valueOf));
        }
    }

    private static void compareBytes(List<String> out, String what, Long then, Long now) {
        if (!Objects.equals(then, now)) {
            out.add(what + " " + text(then, (Long b) -> UnitFormat.bytes(b)) + " vs " + text(now, (Long b) -> UnitFormat.bytes(b)));
        }
    }

    private static <T> String text(T value, Function<T, String> format) {
        return value == null ? "unknown" : format.apply(value);
    }
}
