package org.perfjunit.engine;

/**
 * Reads the counters a sample records beside time: allocated bytes across threads, GC activity.
 * {@link JvmProbes} reads the JVM; tests inject fakes.
 */
public interface ResourceProbe {

    /** Bytes allocated so far by all live threads, or -1 when the JVM cannot tell. */
    long allocatedBytes();

    /** Total GC collections so far. */
    long gcCount();

    /** Total GC time so far, ms. */
    long gcMillis();

    /** Total JIT compilation time so far, ms, or -1 when the JVM does not report it. */
    long compilationMillis();

    /** Heap memory committed by the JVM now, bytes, or -1 when unknown (then the heap counts as settled). */
    default long heapCommittedBytes() {
        return -1;
    }

    /**
     * Minor page faults of this process so far (pages of memory touched for the first time), or -1 when the JVM's
     * platform does not tell; then {@link HeapSettling} judges fresh memory by proxies instead.
     */
    default long minorPageFaults() {
        return -1;
    }

    /**
     * Whether the heap can neither grow nor be paged in any more: committed at its maximum ({@code -Xms} equal to
     * {@code -Xmx}) and touched at start-up ({@code -XX:+AlwaysPreTouch}). Then the collector cannot resize it and
     * no allocation meets a fresh page, so only the collection rate decides whether it has settled.
     */
    default boolean heapFixedAndPreTouched() {
        return false;
    }
}
