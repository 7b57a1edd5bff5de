package org.perfjunit.engine;

import com.sun.management.HotSpotDiagnosticMXBean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The collection before a test builds its data, on fake JVM options that record what the collector saw. */
@DisplayName("The collection before a test's set-up")
class GarbageCollectionTests {

    private final Map<String, String> flags = new HashMap<>();
    private final List<String> seenByCollector = new ArrayList<>();
    private boolean writable = true;

    private final GarbageCollection.VmOptions options = new GarbageCollection.VmOptions() {
        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(flags.get(name));
        }

        @Override
        public void set(String name, String value) {
            if (!writable) {
                throw new IllegalArgumentException(name + " is not writeable");
            }
            flags.put(name, value);
        }
    };

    private final Runnable collector = () -> seenByCollector.add(flags.get(GarbageCollection.MAX_HEAP_FREE_RATIO));

    @Test
    @DisplayName("collects with MaxHeapFreeRatio at 100, so the heap is not shrunk, and puts the user's value back")
    void keepsTheHeapAndRestoresTheFlag() {
        flags.put(GarbageCollection.MAX_HEAP_FREE_RATIO, "70");
        new GarbageCollection(options, collector).collectKeepingHeap();
        assertThat(seenByCollector).containsExactly("100");
        assertThat(flags).containsEntry(GarbageCollection.MAX_HEAP_FREE_RATIO, "70");
    }

    @Test
    @DisplayName("puts the flag back when the collection throws")
    void restoresOnFailure() {
        flags.put(GarbageCollection.MAX_HEAP_FREE_RATIO, "55");
        Runnable failing = () -> {
            throw new IllegalStateException("collector failed");
        };
        assertThatThrownBy(() -> new GarbageCollection(options, failing).collectKeepingHeap())
                .hasMessage("collector failed");
        assertThat(flags).containsEntry(GarbageCollection.MAX_HEAP_FREE_RATIO, "55");
    }

    @Test
    @DisplayName("still collects on a JVM without the flag, or where it cannot be set")
    void collectsWithoutTheFlag() {
        new GarbageCollection(options, collector).collectKeepingHeap();
        flags.put(GarbageCollection.MAX_HEAP_FREE_RATIO, "70");
        writable = false;
        new GarbageCollection(options, collector).collectKeepingHeap();
        assertThat(seenByCollector).containsExactly(null, "70");
        assertThat(flags).containsEntry(GarbageCollection.MAX_HEAP_FREE_RATIO, "70");
    }

    @Test
    @DisplayName("reads and writes the running JVM's MaxHeapFreeRatio and leaves it as it was")
    void onTheRunningJvm() {
        HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        String before = hotSpot.getVMOption(GarbageCollection.MAX_HEAP_FREE_RATIO).getValue();
        GarbageCollection.onJvm().collectKeepingHeap();
        assertThat(hotSpot.getVMOption(GarbageCollection.MAX_HEAP_FREE_RATIO).getValue()).isEqualTo(before);
    }
}
