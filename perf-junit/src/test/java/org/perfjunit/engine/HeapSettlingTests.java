package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Steady heap detection on a fake JVM whose collector the test scripts. */
@DisplayName("Heap settling")
class HeapSettlingTests {

    private static final long MIB = 1 << 20;

    private final FakeJvm jvm = new FakeJvm();
    private final Sampler sampler = new Sampler(jvm, jvm, SamplingListener.NONE);
    private int invocations;

    /** Each invocation takes 10 µs and allocates 1 MiB; every 100th collects, and the heap grows until {@code growUntil}. */
    private Operation allocating(int growUntil) {
        return () -> {
            invocations++;
            jvm.work(10_000, MIB);
            if (invocations % 100 == 0) {
                jvm.gcCount++;
                if (invocations <= growUntil && jvm.heapCommitted >= 0) {
                    jvm.heapCommitted += 64 * MIB;
                }
            }
            return null;
        };
    }

    private static SamplerSettings detected(Duration cap) {
        return new SamplerSettings(-1, cap, 5, 2, 10, Duration.ZERO, Duration.ofSeconds(1), 0.01, 100,
                Duration.ofMillis(1), 1);
    }

    @Test
    @DisplayName("warm-up goes on while the collector resizes the heap, until twice the heap was allocated over 10 collections without a resize")
    void waitsForTheHeap() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        Measurement m = sampler.measure(allocating(60_000), detected(Duration.ofSeconds(5)));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.heapTransient()).isFalse();
        // 60,000 invocations of resizing to 256 + 600 x 64 MiB, then twice that allocated, in batches of 100
        long committedMib = 256 + 600 * 64;
        assertThat(m.warmupIterations()).isGreaterThanOrEqualTo((int) ((60_000 + 2 * committedMib) / 100));
    }

    @Test
    @DisplayName("a heap that can neither resize nor meet a fresh page (-Xms = -Xmx, AlwaysPreTouch) settles once the collection rate holds, without cycling through it")
    void fixedPreTouchedHeap() throws Throwable {
        FakeJvm growable = new FakeJvm();
        // 16 GiB, so cycling through it twice takes longer than the 200 ms minimum warm-up (200 batches of 100 MiB)
        growable.heapCommitted = 16384 * MIB;
        Measurement cycling = new Sampler(growable, growable, SamplingListener.NONE).measure(() -> {
            growable.work(10_000, MIB);
            growable.gcCount += growable.allocated % (100 * MIB) == 0 ? 1 : 0;
            return null;
        }, detected(Duration.ofSeconds(5)));
        jvm.heapCommitted = 16384 * MIB;
        jvm.heapFixedAndPreTouched = true;
        Measurement fixed = sampler.measure(allocating(0), detected(Duration.ofSeconds(5)));
        assertThat(fixed.steadyState()).isTrue();
        assertThat(fixed.heapTransient()).isFalse();
        assertThat(cycling.heapTransient()).isFalse();
        // the same code on a heap that could still page in memory warms up until twice the heap was allocated
        assertThat(cycling.warmupIterations()).isGreaterThanOrEqualTo(2 * 16384 / 100);
        assertThat(fixed.warmupIterations()).isLessThan(cycling.warmupIterations());
    }

    @Test
    @DisplayName("allocating code that has not yet filled the young generation is not settled: warm-up goes on until it has cycled through the heap")
    void allocatingBeforeTheFirstCollection() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        // a young generation of 3000 MiB, one collection every 30 batches of 100 x 1 MiB: at the 200 ms minimum
        // (batch 200) the last two windows held no collection, which counted as settled before
        Operation largeYoungGeneration = () -> {
            invocations++;
            jvm.work(10_000, MIB);
            if (invocations % 3000 == 0) {
                jvm.gcCount++;
            }
            return null;
        };
        Measurement m = sampler.measure(largeYoungGeneration, detected(Duration.ofSeconds(5)));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupIterations()).as("batches: %d collections, each 30 batches apart",
                HeapSettling.SETTLED_COLLECTIONS).isGreaterThanOrEqualTo(30 * HeapSettling.SETTLED_COLLECTIONS);
    }

    @Test
    @DisplayName("short batches that allocate are not quiet: allocation without a collection is judged per 200 ms, not per window")
    void shortAllocatingBatchesAreNotQuiet() {
        // a 230 us matmul allocating 130 KiB per call, one call per batch (calibrated while still interpreted), on a
        // 2 GiB heap an earlier test grew: two windows allocate 1.3 MiB, under 1/1024 of the heap, but that is
        // 110 MiB per 200 ms of memory the collector may never have touched
        jvm.heapCommitted = 2048 * MIB;
        HeapSettling matmul = new HeapSettling(jvm);
        HeapSettling quiet = new HeapSettling(jvm);
        matmul.afterBatch(jvm.nanoTime());
        for (int batch = 0; batch < 20; batch++) {
            jvm.work(230_000, 130 * 1024);
            matmul.afterBatch(jvm.nanoTime());
        }
        quiet.afterBatch(jvm.nanoTime());
        for (int batch = 0; batch < 20; batch++) {
            jvm.work(230_000, 16);
            quiet.afterBatch(jvm.nanoTime());
        }
        assertThat(matmul.settled(5)).isFalse();
        assertThat(quiet.settled(5)).as("16 B per 230 us batch").isTrue();
    }

    @Test
    @DisplayName("a heap still growing at twice the warm-up cap makes the result heap-transient")
    void capReached() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        Measurement m = sampler.measure(allocating(Integer.MAX_VALUE), detected(Duration.ofMillis(500)));
        assertThat(m.steadyState()).isFalse();
        assertThat(m.heapTransient()).isTrue();
        assertThat(m.warmupNanos()).isBetween(1_000_000_000L, 1_010_000_000L);
    }

    @Test
    @DisplayName("a heap the collector resized during warm-up gets one more cap to settle, so samples do not time its first touches")
    void resizedHeapGetsASecondCap() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        // grows until 400 ms (batches of 100 x 10 us), then needs twice its 25,856 MiB allocated: ~920 ms in all
        Measurement m = sampler.measure(allocating(40_000), detected(Duration.ofMillis(500)));
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupNanos()).isBetween(900_000_000L, 1_000_000_000L);
    }

    @Test
    @DisplayName("a heap that was not resized during warm-up gets no second cap, however unsettled")
    void unresizedHeapStopsAtTheCap() throws Throwable {
        jvm.heapCommitted = 65536 * MIB; // cycling through it twice takes 1.3 s
        Measurement m = sampler.measure(allocating(0), detected(Duration.ofMillis(500)));
        assertThat(m.heapTransient()).isTrue();
        assertThat(m.warmupNanos()).isBetween(500_000_000L, 510_000_000L);
    }

    @Test
    @DisplayName("a heap resized while samples are taken makes the result heap-transient, even after a fixed warm-up")
    void resizedWhileSampling() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        Measurement m = sampler.measure(allocating(Integer.MAX_VALUE), detected(Duration.ofSeconds(5)).withWarmupIterations(1));
        assertThat(m.heapTransient()).isTrue();
    }

    @Test
    @DisplayName("code that never collects is not held up, and a JVM that cannot tell its heap is never heap-transient")
    void quietOrUnknownHeap() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        Operation quiet = () -> {
            jvm.work(10_000, 0);
            return null;
        };
        Measurement m = sampler.measure(quiet, detected(Duration.ofSeconds(5)));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.heapTransient()).isFalse();
        jvm.heapCommitted = -1;
        assertThat(sampler.measure(allocating(Integer.MAX_VALUE), detected(Duration.ofMillis(500))).heapTransient()).isFalse();
    }
}
