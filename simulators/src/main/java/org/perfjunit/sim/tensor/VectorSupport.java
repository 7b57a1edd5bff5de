package org.perfjunit.sim.tensor;

import java.util.Optional;

/**
 * Whether the JDK Vector API ({@code jdk.incubator.vector}, an incubator module in JDK 17) can be used
 * by this JVM, and if not, why. The vector kernels are loaded only by reflection after this probe
 * succeeds, so a JVM started without {@code --add-modules jdk.incubator.vector} never touches them.
 *
 * <p>The property {@value #DISABLE_PROPERTY_NAME}{@code =false} turns the vector backend off, e.g. to
 * compare against the scalar kernels on the same JVM.
 *
 * @param available   whether the vector kernels load and run here
 * @param reason      why not, or a description of the species in use
 * @param doubleLanes lanes of the preferred {@code double} species (1 when unavailable)
 * @param floatLanes  lanes of the preferred {@code float} species (1 when unavailable)
 */
public record VectorSupport(boolean available, String reason, int doubleLanes, int floatLanes) {

    /** The incubator module's name. */
    public static final String MODULE_NAME = "jdk.incubator.vector";

    /** System property that disables the vector backend when set to {@code false}: {@value}. */
    public static final String DISABLE_PROPERTY_NAME = "perf.junit.tensor.vector";

    private static final String KERNEL_PREFIX = "org.perfjunit.sim.tensor.Vector";

    /** Probes the running JVM. */
    public static VectorSupport detect() {
        return detect(ModuleLayer.boot().findModule(MODULE_NAME), System.getProperty(DISABLE_PROPERTY_NAME, "true"));
    }

    /** Probes with an injected module lookup and property value (tests use this to simulate a JVM without it). */
    static VectorSupport detect(Optional<Module> module, String enabledProperty) {
        if ("false".equalsIgnoreCase(enabledProperty.trim())) {
            return unavailable("disabled by -D" + DISABLE_PROPERTY_NAME + "=false");
        }
        if (module.isEmpty()) {
            return unavailable("module " + MODULE_NAME + " is not in the boot layer"
                    + " (start the JVM with --add-modules " + MODULE_NAME + ")");
        }
        try {
            int doubles = lanes("DoubleMicroKernel");
            int floats = lanes("FloatMicroKernel");
            if (doubles < 2) {
                return unavailable("preferred vector species has a single double lane (no SIMD to gain)");
            }
            return new VectorSupport(true, "Vector API species " + doubles * 64 + " bit (" + doubles
                    + " doubles, " + floats + " floats)", doubles, floats);
        } catch (ReflectiveOperationException | LinkageError e) {
            return unavailable("Vector API kernels failed to load: " + e);
        }
    }

    /** @return width of the preferred vector species in bits, or 0 when the Vector API is unavailable */
    public int vectorBits() {
        return available ? doubleLanes * Double.SIZE : 0;
    }

    /** Instantiates a vector micro-kernel by simple class name, after a successful probe. */
    static Object newKernel(String simpleName) {
        try {
            return Class.forName(KERNEL_PREFIX + simpleName).getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("vector kernel " + simpleName + " did not load", e);
        }
    }

    private static int lanes(String simpleName) throws ReflectiveOperationException {
        var method = Class.forName(KERNEL_PREFIX + simpleName).getDeclaredMethod("lanes");
        return (int) method.invoke(null);
    }

    private static VectorSupport unavailable(String reason) {
        return new VectorSupport(false, reason, 1, 1);
    }
}
