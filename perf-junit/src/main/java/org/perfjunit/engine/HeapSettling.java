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
 *
 * <p>Where the process's page faults can be read ({@link ResourceProbe#minorPageFaults}, Linux), fresh memory is
 * seen instead of inferred: settled is the committed heap unchanged over the two windows, the collections per
 * window agreeing, next to no fresh page touched in the two windows ({@link #FRESH_SHARE}), and, if the
 * collector resized the heap during this warm-up, {@link #SETTLED_COLLECTIONS} collections since. The proxies
 * above (twice the heap allocated; the quiet rule) then do not apply: they held a 250 µs matmul after a test
 * that had grown the heap to 2.6 GiB to its 5 s cap in every run (it could neither allocate 5 GiB nor see
 * 10 collections of a 1.5 GiB young generation in that time) whether or not it still met fresh pages.
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
    /**
     * With page faults known, the two windows count as not meeting fresh memory when the pages first touched in
     * them (4 KiB each) come to at most this share of what the code allocated there, or to at most
     * {@link #FRESH_FLOOR_BYTES} per {@link #QUIET_HORIZON_NANOS} (what the JVM's own threads touch). A matmul
     * allocating 130 KiB per call after a test that allocated 1 MiB arrays met fresh pages with a quarter of its
     * allocation (G1's 4 MiB regions had held three 1 MiB arrays each; their last MiB was never written) until it
     * had filled the young generation once; in steady state the same code faults a page or two per 250 ms.
     */
    static final int FRESH_SHARE = 64;
    /** See {@link #FRESH_SHARE}. */
    static final long FRESH_FLOOR_BYTES = 1L << 20;
    private static final long PAGE_BYTES = 4096;

    private final ResourceProbe probe;
    // {committed bytes, collections, allocated, nanos, minor page faults} after each batch
    private final List<long[]> batches = new ArrayList<>();
    private long lastCommitted = -1;
    private boolean resized;
    private int horizon; // index of the latest reading at least QUIET_HORIZON_NANOS before the last one judged
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
        batches.add(new long[] {committed, collections, allocated, nanos, probe.minorPageFaults()});
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
        if (start[4] >= 0 && end[4] >= 0) {
            return rateAgrees && !touchingFreshPages(horizonStart(end), end)
                    && (!resized || end[1] - collectionsAtLastResize >= SETTLED_COLLECTIONS);
        }
        if (previous == 0 && recent == 0) {
            return allocated < 0 || projectedAllocation(start, end) < (double) end[0] / QUIET_ALLOCATION_SHARE;
        }
        boolean cycled = allocated < 0 || allocated - allocatedAtLastResize >= 2 * lastCommitted;
        return rateAgrees && cycled && end[1] - collectionsAtLastResize >= SETTLED_COLLECTIONS;
    }

    /** Bytes allocated from {@code start} to {@code end}, projected onto {@link #QUIET_HORIZON_NANOS} if they span less. */
    private static double projectedAllocation(long[] start, long[] end) {
        return projected(end[2] - start[2], start, end);
    }

    /**
     * The reading at least {@link #QUIET_HORIZON_NANOS} before {@code end} (the first, if the warm-up is younger):
     * fresh pages come in bursts, so they are judged over that much time, not over two windows. After a test that
     * allocated 1 MiB arrays, a 250 µs matmul met 1 MiB of fresh pages after every 3 MiB of allocation (every ~25
     * calls); two windows of ten calls between two bursts saw none, the heap was called settled after 200 ms, and
     * then the samples met the bursts (p95 2.5-3x the median).
     */
    private long[] horizonStart(long[] end) {
        // the readings' times only grow, so the horizon only moves forward: one step per batch, not a search
        while (horizon + 1 < batches.size() && end[3] - batches.get(horizon + 1)[3] >= QUIET_HORIZON_NANOS) {
            horizon++;
        }
        return batches.get(horizon);
    }

    /** Whether the code met fresh pages from {@code start} to {@code end} ({@link #FRESH_SHARE}). */
    private static boolean touchingFreshPages(long[] start, long[] end) {
        long fresh = (end[4] - start[4]) * PAGE_BYTES;
        long allocatedThen = Math.max(0, end[2] - start[2]);
        return fresh > allocatedThen / FRESH_SHARE && projected(fresh, start, end) > FRESH_FLOOR_BYTES;
    }

    /** {@code bytes} over {@code start} to {@code end}, projected onto {@link #QUIET_HORIZON_NANOS} if they span less. */
    private static double projected(long bytes, long[] start, long[] end) {
        long span = end[3] - start[3];
        return span <= 0 || span >= QUIET_HORIZON_NANOS ? bytes : (double) bytes * QUIET_HORIZON_NANOS / span;
    }

    /**
     * Whether the code may still be paging memory in, so that a warm-up at its cap is worth one more: the collector
     * resized the heap during this warm-up (allocating code pages the new part in on its next pass through the young
     * generation), or, with page faults known, the last {@link #QUIET_HORIZON_NANOS} met fresh pages. The second
     * case without a resize: after a test that allocated 1 MiB arrays had grown the heap to 2.3 GiB, a 250 µs matmul
     * met the last, never written MiB of every 4 MiB region on its first pass through a 1.4 GiB young generation,
     * at up to 3x its steady time on a VM paging in ~4 ms per MiB; the pass outlasted the 5 s cap, and in one run of
     * eight the whole measurement fell inside it (804 µs per call).
     */
    boolean pagingIn() {
        if (resized) {
            return true;
        }
        long[] end = batches.get(batches.size() - 1);
        long[] start = horizonStart(end);
        return start[4] >= 0 && end[4] >= 0 && !probe.heapFixedAndPreTouched() && touchingFreshPages(start, end);
    }

    /** The committed heap now, for comparing the start and end of sampling (-1 when unknown). */
    long committed() {
        return probe.heapCommittedBytes();
    }
}
