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
 * through it, and fresh memory has been paged in), the collections per window agree between
 * those two windows, and the collector has no reason left to grow the heap: either
 * {@link #SETTLED_COLLECTIONS} collections passed without a resize, or at least
 * {@link #QUIET_COLLECTIONS} did while collecting took less than {@link #QUIET_GC_SHARE} of the time.
 * Code that triggers no collection is settled as long as the committed size
 * holds still and it allocates next to nothing ({@link #QUIET_ALLOCATION_SHARE}): code that allocates
 * but has not yet filled the young generation is still paging in memory the collector never used (a
 * sieve allocating 1 MB per call was called settled after 49 calls without a collection, and its samples
 * then averaged 75 page faults per call, some chunks of samples 2.6x slower than the rest).
 */
final class HeapSettling {

    /**
     * Collections without a resize before the heap counts as settled: G1 decides to grow the heap
     * from the GC overhead of its last 10 pauses ({@code NumPrevPausesForHeuristics}); at default
     * flags it grew a heap after every 4-5 collections while a test allocated 1 MiB per invocation.
     */
    static final int SETTLED_COLLECTIONS = 10;
    /**
     * Collections without a resize that suffice when collecting costs next to nothing: G1 grows the heap
     * only when its pauses take more than {@code 1 / (1 + GCTimeRatio)} of the time (7.7% at default
     * flags), a threshold it scales down to 1% while the heap is small ({@code G1HeapSizingPolicy}).
     * A sieve allocating 1 MB per call collected every 0.45 s in 2 ms pauses (0.3%): ten collections
     * took 4.5 s, and warm-up reached its 5 s cap on a heap that had not changed since the start.
     */
    static final int QUIET_COLLECTIONS = 3;
    /** Share of the time spent collecting below which G1 does not grow the heap: half its lowest threshold, 1%. */
    static final double QUIET_GC_SHARE = 0.005;
    /**
     * Without a collection the heap counts as settled only if the last two windows allocated less than
     * this share of the committed heap (384 KiB of the 388 MiB a 24 GiB machine starts with): what
     * reading the probes and the JVM's own threads allocate, not the code under test.
     */
    static final int QUIET_ALLOCATION_SHARE = 1024;

    private final ResourceProbe probe;
    private final TimeSource time;
    private final List<long[]> batches = new ArrayList<>(); // {committed bytes, collections, allocated} after each batch
    private long lastCommitted = -1;
    private long collectionsAtLastResize;
    private long allocatedAtLastResize;
    private long gcMillisAtLastResize;
    private long nanosAtLastResize;
    private long allocated;

    HeapSettling(ResourceProbe probe, TimeSource time) {
        this.probe = probe;
        this.time = time;
    }

    /** Reads the heap after a warm-up batch. */
    void afterBatch() {
        long committed = probe.heapCommittedBytes();
        long collections = probe.gcCount();
        allocated = probe.allocatedBytes();
        if (committed != lastCommitted) {
            lastCommitted = committed;
            collectionsAtLastResize = collections;
            allocatedAtLastResize = allocated;
            gcMillisAtLastResize = probe.gcMillis();
            nanosAtLastResize = time.nanoTime();
        }
        batches.add(new long[] {committed, collections, allocated});
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
        if (previous == 0 && recent == 0) {
            return allocated < 0 || end[2] - start[2] < end[0] / QUIET_ALLOCATION_SHARE;
        }
        boolean rateAgrees = Math.abs(recent - previous) <= Math.max(1, Math.max(recent, previous) / 4);
        boolean cycled = allocated < 0 || allocated - allocatedAtLastResize >= 2 * lastCommitted;
        return rateAgrees && cycled && noReasonToGrow(end[1] - collectionsAtLastResize);
    }

    /** Enough collections without a resize, or fewer that cost so little time that G1 will not grow the heap. */
    private boolean noReasonToGrow(long collectionsSinceResize) {
        if (collectionsSinceResize >= SETTLED_COLLECTIONS) {
            return true;
        }
        long gcMillis = probe.gcMillis();
        if (collectionsSinceResize < QUIET_COLLECTIONS || gcMillis < 0 || gcMillisAtLastResize < 0) {
            return false;
        }
        double elapsedMillis = (time.nanoTime() - nanosAtLastResize) / 1e6;
        return elapsedMillis > 0 && (gcMillis - gcMillisAtLastResize) < QUIET_GC_SHARE * elapsedMillis;
    }

    /** The committed heap now, for comparing the start and end of sampling (-1 when unknown). */
    long committed() {
        return probe.heapCommittedBytes();
    }
}
