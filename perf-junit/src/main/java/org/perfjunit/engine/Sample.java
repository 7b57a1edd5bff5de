package org.perfjunit.engine;

/**
 * One measured sample: a batch of {@code operations} invocations.
 *
 * @param wallNanos       wall time of the batch
 * @param cpuNanos        CPU time of the measuring thread(s), or -1 when unsupported
 * @param allocatedBytes  bytes allocated during the batch by all threads, or -1 when unsupported
 * @param gcCount         collections during the batch
 * @param gcMillis        collection time during the batch
 * @param operations      invocations in the batch
 */
public record Sample(long wallNanos, long cpuNanos, long allocatedBytes, long gcCount, long gcMillis, long operations) {

    /** Wall time per operation, ns. */
    public double nanosPerOperation() {
        return (double) wallNanos / operations;
    }
}
