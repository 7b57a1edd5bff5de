package org.perfjunit.baseline;

import java.nio.file.Path;

/**
 * A separate JVM that writes {@code count} entries into one baseline file, for the cross-process
 * locking test: {@code java -cp <test classpath> org.perfjunit.baseline.ConcurrentWriterMain dir key class prefix count}.
 */
public final class ConcurrentWriterMain {

    private ConcurrentWriterMain() {
    }

    public static void main(String[] args) {
        BaselineStore store = new BaselineStore(Path.of(args[0]));
        int count = Integer.parseInt(args[4]);
        for (int i = 0; i < count; i++) {
            store.put(args[1], args[2], BaselineStoreTests.entry(args[2], args[3] + "-" + i));
        }
    }
}
