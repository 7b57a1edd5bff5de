package org.perfjunit.engine;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.Optional;

/**
 * Collects the garbage earlier tests left before a test sets up its data, so the peak heap of its
 * measurement is its own, without letting the collector shrink the heap the test is about to allocate
 * in (the extension decides when: {@code org.perfjunit.extension.SetUpCollection}). A plain {@code System.gc()}
 * at default flags shrank G1's committed heap from 388 MiB to 56 MiB and uncommitted the rest; the
 * next allocating test then paid for G1 growing it back (56 to 220 MiB in its first seconds) and for
 * paging the fresh memory in, and a re-measured test paid twice. For the collection the manageable
 * flag {@code MaxHeapFreeRatio} is raised to 100 (any free share is allowed, so nothing is
 * uncommitted), then put back. On a JVM without that flag it is a plain {@code System.gc()}.
 */
public final class GarbageCollection {

    /** The HotSpot flag whose value decides how much free heap a full collection keeps committed. */
    static final String MAX_HEAP_FREE_RATIO = "MaxHeapFreeRatio";

    /** Reads and writes a JVM option; the seam through which tests replace the JVM. */
    interface VmOptions {
        /** The option's value, empty when the JVM has no such option. */
        Optional<String> get(String name);

        /** Sets a manageable option; throws when it cannot be set. */
        void set(String name, String value);
    }

    private final VmOptions options;
    private final Runnable collector;

    GarbageCollection(VmOptions options, Runnable collector) {
        this.options = options;
        this.collector = collector;
    }

    /** The running JVM's options and {@code System.gc()}. */
    public static GarbageCollection onJvm() {
        return new GarbageCollection(hotSpotOptions(), System::gc);
    }

    /** Collects, with the heap's committed size kept where the JVM can be told to keep it. */
    public void collectKeepingHeap() {
        Optional<String> previous = options.get(MAX_HEAP_FREE_RATIO);
        boolean raised = false;
        if (previous.isPresent() && !previous.get().equals("100")) {
            try {
                options.set(MAX_HEAP_FREE_RATIO, "100");
                raised = true;
            } catch (RuntimeException e) {
                // not writable here (another VM, a security policy): collect anyway, the heap may shrink
            }
        }
        try {
            collector.run();
        } finally {
            if (raised) {
                options.set(MAX_HEAP_FREE_RATIO, previous.get());
            }
        }
    }

    /** The running JVM's HotSpot options; every {@code get} is empty where the JVM has no such bean. */
    static VmOptions hotSpotOptions() {
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (RuntimeException | LinkageError e) {
            bean = null;
        }
        HotSpotDiagnosticMXBean hotSpot = bean;
        return new VmOptions() {
            @Override
            public Optional<String> get(String name) {
                if (hotSpot == null) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(hotSpot.getVMOption(name).getValue());
                } catch (IllegalArgumentException e) {
                    return Optional.empty();
                }
            }

            @Override
            public void set(String name, String value) {
                hotSpot.setVMOption(name, value);
            }
        };
    }
}
