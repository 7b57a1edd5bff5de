package org.perfjunit;

import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Crash-safety trials: starts a writer {@code main} class in a child JVM on the test class path,
 * waits until it is writing, and kills it with SIGKILL ({@link Process#destroyForcibly()} on Unix)
 * after a seeded random delay. Trials: {@value #TRIALS_PROPERTY} (default {@value #DEFAULT_TRIALS}).
 */
public final class KilledWriter {

    /** System property giving the number of kill trials per crash test. */
    public static final String TRIALS_PROPERTY = "perf.junit.crash.trials";
    /** Trials in an ordinary {@code mvn verify}. */
    public static final int DEFAULT_TRIALS = 4;

    private final Random random;

    /** Delays are drawn from a {@link Random} with this seed. */
    public KilledWriter(long seed) {
        this.random = new Random(seed);
    }

    /** Number of trials to run. */
    public static int trials() {
        return Integer.getInteger(TRIALS_PROPERTY, DEFAULT_TRIALS);
    }

    /**
     * Runs {@code main} with {@code args}, waits (up to 30 s) until {@code writing} holds, sleeps
     * 0..{@code maxDelayMillis} ms and kills the child; returns once it is dead.
     */
    public void runAndKill(Class<?> main, BooleanSupplier writing, int maxDelayMillis, String... args)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] command = new String[5 + args.length];
        command[0] = java;
        command[1] = "-XX:TieredStopAtLevel=1"; // the child starts fast; its speed does not matter
        command[2] = "-cp";
        command[3] = System.getProperty("java.class.path");
        command[4] = main.getName();
        System.arraycopy(args, 0, command, 5, args.length);
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!writing.getAsBoolean() && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(random.nextInt(maxDelayMillis + 1));
        } finally {
            child.destroyForcibly(); // SIGKILL on Unix
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("child writer " + main.getSimpleName() + " did not die");
            }
        }
    }
}
