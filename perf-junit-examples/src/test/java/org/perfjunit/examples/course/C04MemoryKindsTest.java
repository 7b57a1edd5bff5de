package org.perfjunit.examples.course;

import org.junit.jupiter.api.Test;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryKind;
import org.perfjunit.MemoryUnit;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 4: the three kinds of memory. ALLOCATED is bytes allocated per invocation (exact, from
 * the JVM's allocation counters, garbage included); PEAK_HEAP is the heap pools' peak during the
 * measurement; RETAINED is the deep size of what the operation returns (JOL), i.e. what stays alive.
 * A list of 10,000 boxed longs allocates ~200 KiB and retains ~200 KiB; summing them allocates nothing.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C04MemoryKindsTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C04MemoryKindsTest {

    @Test
    @Performance(iterations = 20)
    @MaxMemory(value = 400, unit = MemoryUnit.KIB, kind = MemoryKind.ALLOCATED)
    @MaxMemory(value = 400, unit = MemoryUnit.KIB, kind = MemoryKind.RETAINED)
    @MaxMemory(value = 1, unit = MemoryUnit.GIB, kind = MemoryKind.PEAK_HEAP)
    void buildsAList(PerfContext perf) {
        List<Long> list = perf.measure(() -> {
            List<Long> l = new ArrayList<>(10_000);
            for (long i = 0; i < 10_000; i++) {
                l.add(i * 1_000);
            }
            return l;
        });
        assertThat(list).hasSize(10_000);
    }

    @Test
    @Performance(iterations = 20)
    @MaxMemory(value = 16, kind = MemoryKind.ALLOCATED)
    void sumsWithoutAllocating(PerfContext perf) {
        long[] values = new long[10_000];
        long sum = perf.measure(() -> {
            long s = 0;
            for (long v : values) {
                s += v;
            }
            return s;
        });
        assertThat(sum).isZero();
    }
}
