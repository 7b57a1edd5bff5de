package org.perfjunit.engine;

import org.openjdk.jol.info.GraphLayout;

/** Deep size of an object graph (JOL {@link GraphLayout}). */
public final class RetainedSize {

    private RetainedSize() {
    }

    /** Bytes reachable from {@code root}; 0 for null. */
    public static long of(Object root) {
        return root == null ? 0 : GraphLayout.parseInstance(root).totalSize();
    }
}
