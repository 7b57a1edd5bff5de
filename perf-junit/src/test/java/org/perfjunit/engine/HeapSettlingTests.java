package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Steady heap detection on a fake JVM whose collector the test scripts. */
@DisplayName("Heap settling")
class HeapSettlingTests {

    private static final long MIB = 1 << 20;

    private final FakeJvm jvm = new FakeJvm();
    private final Sampler sampler = new Sampler(jvm, jvm, SamplingListener.NONE);
    private int invocations;

    /** Each invocation takes 10 µs and allocates 1 MiB; every 100th collects, and the heap grows until {@code growUntil}. */
    private Operation allocating(int growUntil) {
        return allocatingWith(100, n -> {
            jvm.gcCount++;
            if (n <= growUntil && jvm.heapCommitted >= 0) {
                jvm.heapCommitted += 64 * MIB;
            }
        });
    }

    /** Each invocation takes 10 µs and allocates 1 MiB; every {@code period}-th also runs {@code event} with its number. */
    private Operation allocatingWith(int period, IntConsumer event) {
        return () -> {
            invocations++;
            jvm.work(10_000, MIB);
            if (invocations % period == 0) {
                event.accept(invocations);
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
    @DisplayName("with page faults known, code whose allocations meet no fresh page settles without cycling through a big heap")
    void faultsKnownNoFreshPages() throws Throwable {
        jvm.heapCommitted = 65536 * MIB; // cycling through it twice takes 1.3 s, past the 500 ms cap
        jvm.minorFaults = 0;
        Measurement m = sampler.measure(allocating(0), detected(Duration.ofMillis(500)));
        assertThat(m.steadyState()).isTrue();
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupNanos()).isLessThan(300_000_000L);
    }

    @Test
    @DisplayName("with page faults known, code meeting fresh pages in bursts is not settled until 200 ms pass without one")
    void faultsKnownFreshPages() throws Throwable {
        jvm.heapCommitted = 2048 * MIB;
        jvm.minorFaults = 0;
        // a quarter of the allocation meets fresh pages, in bursts of 500 MiB every 2,000 calls (20 batches, two
        // windows clean between bursts), until call 40,000 (400 ms)
        Operation pagingIn = allocatingWith(100, n -> {
            jvm.gcCount++;
            if (n <= 40_000 && n % 2_000 == 0) {
                jvm.minorFaults += 500 * MIB / 4096;
            }
        });
        Measurement m = sampler.measure(pagingIn, detected(Duration.ofSeconds(5)));
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupNanos()).isBetween(600_000_000L, 650_000_000L);
    }

    @Test
    @DisplayName("with page faults known, code still meeting fresh pages at the cap gets one more cap, though the heap was not resized")
    void freshPagesGetASecondCap() throws Throwable {
        jvm.heapCommitted = 2048 * MIB;
        jvm.minorFaults = 0;
        // a collection every 100 calls; a quarter of the allocation meets fresh pages until call 70,000 (700 ms,
        // past the 500 ms cap), as a matmul's first pass through a young generation whose regions an earlier test
        // wrote only three quarters of
        Measurement m = sampler.measure(pagingInUntil(70_000), detected(Duration.ofMillis(500)));
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupNanos()).as("settled 200 ms after the last fresh page, past the first cap")
                .isBetween(850_000_000L, 950_000_000L);
    }

    @Test
    @DisplayName("with page faults known, code that never stops meeting fresh pages is heap-transient at the second cap")
    void freshPagesForever() throws Throwable {
        jvm.heapCommitted = 2048 * MIB;
        jvm.minorFaults = 0;
        Measurement m = sampler.measure(pagingInUntil(Integer.MAX_VALUE), detected(Duration.ofMillis(500)));
        assertThat(m.heapTransient()).isTrue();
        assertThat(m.warmupNanos()).isBetween(1_000_000_000L, 1_010_000_000L);
    }

    /** {@link #allocatingWith} collecting every 100 calls, a quarter of the allocation fresh pages until {@code last}. */
    private Operation pagingInUntil(int last) {
        return allocatingWith(100, n -> {
            jvm.gcCount++;
            if (n <= last) {
                jvm.minorFaults += 100 * MIB / 4 / 4096;
            }
        });
    }

    @Test
    @DisplayName("with page faults known, a heap resized during warm-up still needs 10 collections without a resize")
    void faultsKnownAfterAResize() throws Throwable {
        jvm.heapCommitted = 256 * MIB;
        jvm.minorFaults = 0;
        // a collection every 1,000 calls (10 batches), the heap growing at each until call 30,000 (batch 300)
        Operation growingThenSteady = allocatingWith(1_000, n -> {
            jvm.gcCount++;
            jvm.heapCommitted += n <= 30_000 ? 64 * MIB : 0;
        });
        Measurement m = sampler.measure(growingThenSteady, detected(Duration.ofSeconds(5)));
        assertThat(m.heapTransient()).isFalse();
        assertThat(m.warmupIterations()).as("batch 300, then %d collections 10 batches apart",
                HeapSettling.SETTLED_COLLECTIONS).isGreaterThanOrEqualTo(300 + 10 * HeapSettling.SETTLED_COLLECTIONS);
    }

    @Test
    @DisplayName("on Linux this process's minor page faults are read, and touching fresh memory adds to them")
    void readsThisProcess() {
        assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
        long before = PageFaults.minor();
        ByteBuffer fresh = ByteBuffer.allocateDirect(16 << 20); // zeroed: every page touched
        long after = PageFaults.minor();
        assertThat(before).isNotNegative();
        assertThat(after).as("16 MiB of fresh memory touched").isGreaterThan(before);
        assertThat(fresh.capacity()).isEqualTo(16 << 20);
    }

    @Test
    @DisplayName("the minor-fault field is read from a stat line whose command name holds spaces and parentheses")
    void parsesStatLine() {
        byte[] line = "4242 (java (x) y) S 1 4242 4242 0 -1 4194304 123456 0 7 0 55 12 0 0 20 0 31 0\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(PageFaults.parse(ByteBuffer.wrap(line), line.length)).isEqualTo(123_456);
        byte[] cut = "4242 (java) S 1 4242".getBytes(StandardCharsets.US_ASCII);
        assertThat(PageFaults.parse(ByteBuffer.wrap(cut), cut.length)).isEqualTo(-1);
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
