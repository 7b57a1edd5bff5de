package org.perfjunit.sim.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * This machine's theoretical floating-point peak, so a measured FLOP/s can be reported as a fraction of it:
 * {@code peak = threads × clock × fmaUnits × 2 × lanes}, where {@code lanes = fmaDatapathBits / precisionBits}
 * (an FMA counts as two FLOPs; without FMA, one multiply and one add pipe give {@code fmaUnits × lanes}).
 *
 * <p>Inputs and their sources (each reported by {@link #describe()}):
 * <ul>
 *   <li>vector width: the Vector API's preferred species when available, else the widest of the
 *       {@code /proc/cpuinfo} flags {@code avx512f} (512), {@code avx2}/{@code avx} (256), {@code sse2} (128);</li>
 *   <li>FMA datapath: AMD family 0x19 and older (Zen 1–4) execute 512-bit operations on 256-bit
 *       pipes, so the datapath is capped at 256 bits there; elsewhere it equals the vector width;</li>
 *   <li>FMA units per core: assumed 2, true for Zen 2–4 and Intel server cores since Haswell
 *       (some Xeon Silver/Bronze parts have one 512-bit unit; override then);</li>
 *   <li>cores: {@link Runtime#availableProcessors()} (counts SMT siblings as cores; override on SMT hosts);</li>
 *   <li>clock: {@code cpufreq/cpuinfo_max_freq} when exposed, else {@code /proc/cpuinfo} "cpu MHz".
 *       Uncertain: in virtual machines "cpu MHz" is often the nominal (base) frequency while the core
 *       turbo-boosts above it, so measured fractions above 1.0 are possible. Override when known.</li>
 * </ul>
 * Overrides: {@value #CLOCK_PROPERTY_NAME}, {@value #FMA_UNITS_PROPERTY_NAME}, {@value #FMA_BITS_PROPERTY_NAME},
 * {@value #CORES_PROPERTY_NAME}.
 *
 * <pre>{@code
 * PeakModel peak = PeakModel.detect();
 * double fraction = peak.fractionOfPeak(measuredFlopsPerSecond, PeakModel.Precision.DOUBLE, 2);
 * }</pre>
 *
 * @param cores           cores that can run threads at the same time
 * @param clockMhz        core clock assumed for the peak, in MHz
 * @param clockSource     where {@code clockMhz} came from
 * @param vectorBits      the instruction set's vector width
 * @param fmaDatapathBits width one FMA unit processes per cycle
 * @param fmaUnitsPerCore FMA (or, without FMA, multiply+add) pipes per core
 * @param hasFma          whether fused multiply-add exists
 */
public record PeakModel(int cores, double clockMhz, String clockSource, int vectorBits, int fmaDatapathBits,
        int fmaUnitsPerCore, boolean hasFma) {

    /** Override of the clock in MHz: {@value}. */
    public static final String CLOCK_PROPERTY_NAME = "perf.junit.tensor.peak.clock.mhz";
    /** Override of the FMA units per core: {@value}. */
    public static final String FMA_UNITS_PROPERTY_NAME = "perf.junit.tensor.peak.fma.units";
    /** Override of the FMA datapath width in bits: {@value}. */
    public static final String FMA_BITS_PROPERTY_NAME = "perf.junit.tensor.peak.fma.bits";
    /** Override of the core count: {@value}. */
    public static final String CORES_PROPERTY_NAME = "perf.junit.tensor.peak.cores";

    /** Floating-point precision of a kernel. */
    public enum Precision {
        /** 64-bit {@code double}. */
        DOUBLE(64),
        /** 32-bit {@code float}. */
        FLOAT(32);

        private final int bits;

        Precision(int bits) {
            this.bits = bits;
        }

        /** @return bits per value */
        public int bits() {
            return bits;
        }
    }

    /** Detects the running machine from {@code /proc/cpuinfo}, cpufreq, the Vector API and system properties. */
    public static PeakModel detect() {
        return detect(read(Path.of("/proc/cpuinfo")), read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")),
                System::getProperty, Runtime.getRuntime().availableProcessors(), GemmBackend.vectorSupport());
    }

    /**
     * Detects from injected sources (tests use this).
     *
     * @param cpuinfo       text of {@code /proc/cpuinfo}, empty when absent
     * @param maxFreqKhz    text of {@code cpuinfo_max_freq} in kHz, empty when absent
     * @param properties    property lookup for overrides (returns null when unset)
     * @param processors    available processors
     * @param vector        the Vector API probe
     */
    static PeakModel detect(String cpuinfo, String maxFreqKhz, UnaryOperator<String> properties, int processors,
            VectorSupport vector) {
        String flags = " " + field(cpuinfo, "flags") + " ";
        int isaBits = flags.contains(" avx512f ") ? 512
                : flags.contains(" avx2 ") || flags.contains(" avx ") ? 256
                : flags.contains(" sse2 ") ? 128 : 64;
        int vectorBits = vector.available() ? vector.vectorBits() : isaBits;
        boolean amdUpToZen4 = "AuthenticAMD".equals(field(cpuinfo, "vendor_id"))
                && parseInt(field(cpuinfo, "cpu family"), 0) <= 0x19;
        int datapath = amdUpToZen4 ? Math.min(vectorBits, 256) : vectorBits;
        boolean hasFma = flags.contains(" fma ") || flags.trim().isEmpty();

        double clock;
        String clockSource;
        if (properties.apply(CLOCK_PROPERTY_NAME) != null) {
            clock = Double.parseDouble(properties.apply(CLOCK_PROPERTY_NAME).trim());
            clockSource = "-D" + CLOCK_PROPERTY_NAME;
        } else if (!maxFreqKhz.isBlank()) {
            clock = Double.parseDouble(maxFreqKhz.trim()) / 1000.0;
            clockSource = "cpufreq cpuinfo_max_freq";
        } else if (!field(cpuinfo, "cpu MHz").isEmpty()) {
            clock = Double.parseDouble(field(cpuinfo, "cpu MHz"));
            clockSource = "/proc/cpuinfo cpu MHz (may be the base clock; boost can exceed it)";
        } else {
            clock = 2000.0;
            clockSource = "assumed 2000 MHz (no clock information found)";
        }
        return new PeakModel(
                parseInt(properties.apply(CORES_PROPERTY_NAME), processors),
                clock, clockSource, vectorBits,
                parseInt(properties.apply(FMA_BITS_PROPERTY_NAME), datapath),
                parseInt(properties.apply(FMA_UNITS_PROPERTY_NAME), 2),
                hasFma);
    }

    /** @return FLOPs one core retires per cycle at {@code precision} */
    public double flopsPerCycle(Precision precision) {
        double lanes = Math.max(1, fmaDatapathBits / precision.bits());
        return fmaUnitsPerCore * lanes * (hasFma ? 2 : 1);
    }

    /** @return theoretical FLOP/s on {@code threads} threads (capped at {@link #cores()}) */
    public double peakFlops(Precision precision, int threads) {
        return Math.min(threads, cores) * clockMhz * 1e6 * flopsPerCycle(precision);
    }

    /** @return {@code flopsPerSecond} as a fraction of {@link #peakFlops(Precision, int)} */
    public double fractionOfPeak(double flopsPerSecond, Precision precision, int threads) {
        return flopsPerSecond / peakFlops(precision, threads);
    }

    /** @return a one-line account of the model and its sources, for reports */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores × %.0f MHz [%s] × %d FMA units × %d-bit datapath (ISA %d-bit%s)"
                        + " = %.1f GFLOPS double, %.1f GFLOPS float",
                cores, clockMhz, clockSource, fmaUnitsPerCore, fmaDatapathBits, vectorBits, hasFma ? ", FMA" : ", no FMA",
                peakFlops(Precision.DOUBLE, cores) / 1e9, peakFlops(Precision.FLOAT, cores) / 1e9);
    }

    /** Value of the first {@code name : value} line of cpuinfo, or "". */
    private static String field(String cpuinfo, String name) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return "";
    }

    private static int parseInt(String text, int fallback) {
        return text == null || text.isBlank() ? fallback : Integer.parseInt(text.trim());
    }

    private static String read(Path path) {
        try {
            return Files.isReadable(path) ? Files.readString(path) : "";
        } catch (IOException e) {
            return ""; // an unreadable source counts as absent; the model then falls back to the next one
        }
    }
}
