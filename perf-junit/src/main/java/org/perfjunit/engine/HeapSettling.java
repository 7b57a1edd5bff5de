package org.perfjunit.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the heap has settled, detected from the collectors rather than guessed from time. Until
 * the collector stops resizing the heap, measuring allocating code also measures the resizing:
 * freshly committed memory is paged in on first touch (at default flags, G1 grew a heap from 80 MiB
 * to 928 MiB over 7 s, one step every 4-5 collections, while a test allocated 1 MiB per invocation; a quarter of its samples were
 * page faults and pauses). Settled: the committed heap has not changed over the last
 * {@link #SETTLED_COLLECTIONS} collections, nor during the last two windows of batches, the code
 * allocated at least twice the committed heap since it last changed (so the collector has cycled
 * through it, and fresh memory has been paged in), and the collections per window agree between
 * those two windows. Code that triggers no collection is settled as long as the committed size
 * holds still and it allocates next to nothing ({@link #QUIET_ALLOCATION_SHARE} per
 * {@link #QUIET_HORIZON_NANOS}): code that allocates
 * but has not yet filled the young generation is still paging in memory the collector never used (a
 * sieve allocating 1 MB per call was called settled after 49 calls without a collection, and its samples
 * then averaged 75 page faults per call, some chunks of samples 2.6x slower than the rest). A heap that can
 * neither resize nor meet a fresh page ({@link ResourceProbe#heapFixedAndPreTouched}: {@code -Xms} equal to
 * {@code -Xmx} with {@code -XX:+AlwaysPreTouch}) is settled once the collections per window agree.
 */
final class HeapSettling {

    /**
     * Collections without a resize before the heap counts as settled: G1 decides to grow the heap
     * from the GC overhead of its last 10 pauses ({@code NumPrevPausesForHeuristics}); at default
     * flags it grew a heap after every 4-5 collections while a test allocated 1 MiB per invocation.
     */
    static final int SETTLED_COLLECTIONS = 10;
    /**
     * Without a collection the heap counts as settled only if the last two windows allocated less than
     * this share of the committed heap (384 KiB of the 388 MiB a 24 GiB machine starts with): what
     * reading the probes and the JVM's own threads allocate, not the code under test.
     */
    static final int QUIET_ALLOCATION_SHARE = 1024;
    /**
     * The quiet rule judges at least this much time, projecting the last two windows' allocation rate onto it
     * when they are shorter: two windows of short batches (a 230 µs matmul, a batch or two per 1 ms sample)
     * span a few milliseconds, in which 1 MiB reads as next to nothing on a 2 GiB heap. The test before it had
     * grown that heap, G1 had committed more than that test touched, and the matmul's samples then paid for
     * first touch of the rest (67,000 minor page faults; every sixth sample 2-3x slower; mean 1.2-1.5x the
     * median, and JMH's, which forks a JVM per benchmark).
     */
    static final long QUIET_HORIZON_NANOS = 200_000_000L;

    private final ResourceProbe probe;
    private final List<long[]> batches = new ArrayList<>(); // {committed bytes, collections, allocated, nanos} after each batch
    private long lastCommitted = -1;
    private boolean resized;
    private long collectionsAtLastResize;
    private long allocatedAtLastResize;
    private long allocated;

    HeapSettling(ResourceProbe probe) {
        this.probe = probe;
    }

    /** Reads the heap after a warm-up batch that ended at {@code nanos} (the sampler's clock). */
    void afterBatch(long nanos) {
        long committed = probe.heapCommittedBytes();
        long collections = probe.gcCount();
        allocated = probe.allocatedBytes();
        if (committed != lastCommitted) {
            resized |= lastCommitted >= 0;
            lastCommitted = committed;
            collectionsAtLastResize = collections;
            allocatedAtLastResize = allocated;
        }
        batches.add(new long[] {committed, collections, allocated, nanos});
    }

    /** True when the heap has settled after the last {@code 2 * window} batches (always, when the JVM cannot tell). */
    boolean settled(int window) {
        int n = batches.size();
        if (lastCommitted < 0) {
            return true;
        }
        if (n < 2 * window + 1) {
            return false;
        }
        long[] start = batches.get(n - 2 * window - 1);
        long[] middle = batches.get(n - window - 1);
        long[] end = batches.get(n - 1);
        if (start[0] != end[0] || middle[0] != end[0]) {
            return false;
        }
        long previous = middle[1] - start[1];
        long recent = end[1] - middle[1];
        boolean rateAgrees = Math.abs(recent - previous) <= Math.max(1, Math.max(recent, previous) / 4);
        if (probe.heapFixedAndPreTouched()) {
            return rateAgrees; // nothing left to resize or page in: only the collection rate can still move
        }
        if (previous == 0 && recent == 0) {
            return allocated < 0 || projectedAllocation(start, end) < (double) end[0] / QUIET_ALLOCATION_SHARE;
        }
        boolean cycled = allocated < 0 || allocated - allocatedAtLastResize >= 2 * lastCommitted;
        return rateAgrees && cycled && end[1] - collectionsAtLastResize >= SETTLED_COLLECTIONS;
    }

    /** Bytes allocated from {@code start} to {@code end}, projected onto {@link #QUIET_HORIZON_NANOS} if they span less. */
    private static double projectedAllocation(long[] start, long[] end) {
        long bytes = end[2] - start[2];
        long span = end[3] - start[3];
        return span <= 0 || span >= QUIET_HORIZON_NANOS ? bytes : (double) bytes * QUIET_HORIZON_NANOS / span;
    }

    /**
     * Whether the committed heap changed after the first reading: the collector resized it during this warm-up, and
     * allocating code pages the new part in on its next pass through the young generation.
     */
    boolean resized() {
        return resized;
    }

    /** The committed heap now, for comparing the start and end of sampling (-1 when unknown). */
    long committed() {
        return probe.heapCommittedBytes();
    }
}
