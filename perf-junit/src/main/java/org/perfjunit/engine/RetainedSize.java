package org.perfjunit.engine;

import org.openjdk.jol.info.GraphLayout;

/** Deep size of an object graph (JOL {@link GraphLayout}). */
final class RetainedSize {

    private RetainedSize() {
    }

    /**
     * Bytes reachable from {@code root}; 0 for null. JOL's self-attach of an Instrumentation agent
     * (a temporary agent jar attached to this JVM) is skipped unless the user configured it: sizes
     * come from Unsafe field offsets either way. JOL still prints one "Unable to get
     * Instrumentation" line; run with {@code -javaagent:jol-core.jar} to give it one.
     */
    public static long of(Object root) {
        if (System.getProperty("jol.skipDynamicAttach") == null) {
            System.setProperty("jol.skipDynamicAttach", "true");
        }
        if (System.getProperty("jol.magicFieldOffset") == null) {
            // lets JOL read field offsets of records and hidden classes, which Unsafe refuses
            System.setProperty("jol.magicFieldOffset", "true");
        }
        return root == null ? 0 : GraphLayout.parseInstance(root).totalSize();
    }
}
