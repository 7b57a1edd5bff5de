package org.perfjunit.sim.tensor;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The GEMM implementations ("backends") that a benchmark can compare, from the reference triple loop to
 * the Vector API kernel. {@link #VECTOR} is optional: it is available only when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}; otherwise {@link #available()} is false,
 * {@link #unavailableReason()} says why, and {@link #best()} falls back to {@link #BLOCKED}.
 *
 * <pre>{@code
 * for (GemmBackend backend : GemmBackend.availableBackends()) {
 *     try (GemmKernel gemm = backend.create(2)) { ... }
 * }
 * }</pre>
 */
public enum GemmBackend {

    /** The textbook triple loop ({@link NaiveGemm}); single-threaded whatever the thread count. */
    NAIVE,

    /** Packed panels, L1/L2/L3 blocking and a 4×4 scalar register tile; ForkJoin threads split rows. */
    BLOCKED,

    /** As {@link #BLOCKED}, with a 6 × (2 vectors) FMA register tile from the JDK Vector API. */
    VECTOR;

    // Cache blocking for doubles, tuned on a Zen 4 core (32 KiB L1d, 1 MiB L2) at 1024²: a kc × nr sliver of B
    // in L1, an mc × kc block of A in L2, a kc × nc panel of B in L3. Floats use 2·kc (the same bytes).
    private static final int MC = 144;
    private static final int KC = 256;
    private static final int NC = 1024;

    private static final VectorSupport VECTOR_SUPPORT = VectorSupport.detect();

    /** @return whether this backend can run on this JVM */
    public boolean available() {
        return this != VECTOR || VECTOR_SUPPORT.available();
    }

    /** @return why this backend cannot run here, or an empty string when it can */
    public String unavailableReason() {
        return available() ? "" : VECTOR_SUPPORT.reason();
    }

    /** @return the result of the Vector API probe made when this class was initialised */
    public static VectorSupport vectorSupport() {
        return VECTOR_SUPPORT;
    }

    /**
     * Creates a kernel computing on {@code threads} threads (close it to release them).
     *
     * @throws IllegalArgumentException when {@code threads < 1}, for every backend (NAIVE too, though it
     *         computes on one thread whatever the count)
     * @throws UnsupportedOperationException when this backend is not {@link #available()}, with the reason
     */
    public GemmKernel create(int threads) {
        return create(threads, MC, KC, NC);
    }

    /** Creates a kernel with explicit cache blocking (for tuning experiments); floats get {@code 2·kc}. */
    GemmKernel create(int threads, int mc, int kc, int nc) {
        if (threads < 1) {
            throw new IllegalArgumentException(
                    "threads must be at least 1, was " + threads + " (GEMM backend " + this + ")");
        }
        if (!available()) {
            throw new UnsupportedOperationException("GEMM backend " + this + " unavailable: " + unavailableReason());
        }
        switch (this) {
            case NAIVE:
                return new NaiveGemm();
            case BLOCKED:
                return new PackedGemm("blocked", threads,
                        new DoublePackedGemm(new ScalarDoubleMicroKernel(), mc, kc, nc),
                        new FloatPackedGemm(new ScalarFloatMicroKernel(), mc, 2 * kc, nc));
            default:
                DoubleMicroKernel doubles = (DoubleMicroKernel) VectorSupport.newKernel("DoubleMicroKernel");
                FloatMicroKernel floats = (FloatMicroKernel) VectorSupport.newKernel("FloatMicroKernel");
                return new PackedGemm("vector", threads, new DoublePackedGemm(doubles, mc, kc, nc),
                        new FloatPackedGemm(floats, mc, 2 * kc, nc));
        }
    }

    /** @return the fastest available backend: {@link #VECTOR} when the Vector API is usable, else {@link #BLOCKED} */
    public static GemmBackend best() {
        return VECTOR.available() ? VECTOR : BLOCKED;
    }

    /** @return the backends that can run on this JVM, in declaration order */
    public static List<GemmBackend> availableBackends() {
        return Arrays.stream(values()).filter(GemmBackend::available).collect(Collectors.toList());
    }
}
