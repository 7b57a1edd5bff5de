package org.perfjunit.sim.tensor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.DoubleSupplier;
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
 *   <li>FMA datapath and units, by microarchitecture ({@link #datapath}):
 *     <ul>
 *       <li>AMD family 23 (0x17) models below 0x30 and Hygon family 24 (Zen 1, Zen+): 2 × 128-bit;</li>
 *       <li>AMD family 23 models 0x30 and up (Zen 2), family 25 (0x19, Zen 3 and Zen 4, which splits
 *           AVX-512 into two 256-bit halves): 2 × 256-bit;</li>
 *       <li>AMD family 26 (0x1A, Zen 5): 2 × 512-bit, except the mobile parts Strix Point and Krackan
 *           Point (models 0x20–0x2F, 0x60–0x6F), which keep a 256-bit datapath;</li>
 *       <li>Intel with AVX-512: a Xeon has 2 × 512-bit units, except the Bronze, Silver and Gold 5xxx
 *           parts of Skylake/Cascade Lake, which have 1; a client part (Ice Lake, Tiger Lake, Rocket
 *           Lake) has 1 × 512-bit (ports 0 and 1 fused);</li>
 *       <li>Intel without AVX-512 (Haswell to Raptor Lake) and anything else: 2 units as wide as the
 *           vectors;</li>
 *     </ul></li>
 *   <li>cores: {@link Runtime#availableProcessors()} (counts SMT siblings as cores; override on SMT hosts);</li>
 *   <li>clock: {@code cpufreq/cpuinfo_max_freq} (the boost clock) when exposed; otherwise the larger of
 *       {@code /proc/cpuinfo} "cpu MHz" (often the base clock in a virtual machine) and the clock an
 *       {@link FmaClockProbe FMA probe} measures, so a core that boosts does not read above 100%.</li>
 * </ul>
 * A measured rate above the model's peak still means the model is low for this machine;
 * {@link #fractionOfPeak} then reports 1.0, never more, and {@link #exceedsPeak} says so.
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

    /** Detects the running machine from {@code /proc/cpuinfo}, cpufreq, an FMA clock probe, the Vector API and system properties. */
    public static PeakModel detect() {
        return detect(read(Path.of("/proc/cpuinfo")), read(Path.of("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq")),
                System::getProperty, Runtime.getRuntime().availableProcessors(), GemmBackend.vectorSupport(),
                FmaClockProbe::measureMhz);
    }

    /**
     * Detects from injected sources (tests use this).
     *
     * @param cpuinfo       text of {@code /proc/cpuinfo}, empty when absent
     * @param maxFreqKhz    text of {@code cpuinfo_max_freq} in kHz, empty when absent
     * @param properties    property lookup for overrides (returns null when unset)
     * @param processors    available processors
     * @param vector        the Vector API probe
     * @param fmaProbeMhz   measures the FMA clock in MHz (0 when unknown); called only when needed
     */
    static PeakModel detect(String cpuinfo, String maxFreqKhz, UnaryOperator<String> properties, int processors,
            VectorSupport vector, DoubleSupplier fmaProbeMhz) {
        String flags = " " + field(cpuinfo, "flags") + " ";
        int isaBits = flags.contains(" avx512f ") ? 512
                : flags.contains(" avx2 ") || flags.contains(" avx ") ? 256
                : flags.contains(" sse2 ") ? 128 : 64;
        int vectorBits = vector.available() ? vector.vectorBits() : isaBits;
        int[] datapath = datapath(cpuinfo, vectorBits);
        boolean hasFma = flags.contains(" fma ") || flags.trim().isEmpty();

        double clock;
        String clockSource;
        if (properties.apply(CLOCK_PROPERTY_NAME) != null) {
            clock = Double.parseDouble(properties.apply(CLOCK_PROPERTY_NAME).trim());
            clockSource = "-D" + CLOCK_PROPERTY_NAME;
        } else if (!maxFreqKhz.isBlank()) {
            clock = Double.parseDouble(maxFreqKhz.trim()) / 1000.0;
            clockSource = "cpufreq cpuinfo_max_freq";
        } else {
            String mhz = field(cpuinfo, "cpu MHz");
            double listed = mhz.isEmpty() ? 0 : Double.parseDouble(mhz);
            double probed = hasFma ? fmaProbeMhz.getAsDouble() : 0;
            if (probed > listed) {
                clock = probed;
                clockSource = String.format(Locale.ROOT, "FMA probe (cpuinfo lists %.0f MHz)", listed);
            } else if (listed > 0) {
                clock = listed;
                clockSource = "/proc/cpuinfo cpu MHz (may be the base clock; boost can exceed it)";
            } else {
                clock = 2000.0;
                clockSource = "assumed 2000 MHz (no clock information found)";
            }
        }
        return new PeakModel(
                parseInt(properties.apply(CORES_PROPERTY_NAME), processors),
                clock, clockSource, vectorBits,
                parseInt(properties.apply(FMA_BITS_PROPERTY_NAME), datapath[0]),
                parseInt(properties.apply(FMA_UNITS_PROPERTY_NAME), datapath[1]),
                hasFma);
    }

    /** {FMA datapath bits, FMA units per core} of the CPU in {@code cpuinfo}, never wider than {@code vectorBits}. */
    static int[] datapath(String cpuinfo, int vectorBits) {
        String vendor = field(cpuinfo, "vendor_id");
        int family = parseInt(field(cpuinfo, "cpu family"), 0);
        int model = parseInt(field(cpuinfo, "model"), 0);
        String name = field(cpuinfo, "model name");
        int bits = vectorBits;
        int units = 2;
        if ("AuthenticAMD".equals(vendor) || "HygonGenuine".equals(vendor)) {
            if (family < 0x17 || family == 0x18 || family == 0x17 && model < 0x30) {
                bits = 128; // Zen 1 / Zen+ (and Hygon Dhyana): 128-bit FMA pipes
            } else if (family < 0x1A) {
                bits = 256; // Zen 2, Zen 3, Zen 4 (AVX-512 on 256-bit halves)
            } else {
                boolean mobile = model >= 0x20 && model <= 0x2F || model >= 0x60 && model <= 0x6F;
                bits = mobile ? 256 : 512; // Zen 5: full 512-bit datapath on desktop and server parts
            }
        } else if ("GenuineIntel".equals(vendor) && vectorBits >= 512) {
            boolean xeon = name.contains("Xeon");
            boolean oneUnitXeon = name.contains("Bronze") || name.contains("Silver") || name.matches(".*Gold 5\\d.*");
            units = xeon && !oneUnitXeon ? 2 : 1;
        }
        return new int[] {Math.min(bits, vectorBits), units};
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

    /**
     * @return {@code flopsPerSecond} as a fraction of {@link #peakFlops(Precision, int)}, at most 1.0: a rate
     *         above the modelled peak means the model is low for this machine (see {@link #exceedsPeak})
     */
    public double fractionOfPeak(double flopsPerSecond, Precision precision, int threads) {
        return Math.min(1.0, flopsPerSecond / peakFlops(precision, threads));
    }

    /** @return whether {@code flopsPerSecond} is above the modelled peak, i.e. the model needs an override */
    public boolean exceedsPeak(double flopsPerSecond, Precision precision, int threads) {
        return flopsPerSecond > peakFlops(precision, threads);
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
