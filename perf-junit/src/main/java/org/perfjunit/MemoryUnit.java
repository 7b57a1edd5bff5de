package org.perfjunit;

/** Binary memory units for {@link MaxMemory}. */
public enum MemoryUnit {
    BYTES(1L), KIB(1L << 10), MIB(1L << 20), GIB(1L << 30);

    private final long bytes;

    MemoryUnit(long bytes) {
        this.bytes = bytes;
    }

    /** {@code value} of this unit in bytes. */
    public double toBytes(double value) {
        return value * bytes;
    }
}
