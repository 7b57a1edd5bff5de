package org.perfjunit.bench;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * How fast this host is, second by second, with no harness: two plain-Java kernels timed alternately in one JVM,
 * a memory-bound one (a sieve of Eratosthenes over a 1 MB {@code boolean[]}, the sieve) and an ALU-bound
 * one (a dependent chain of multiply, add and shift over registers). Every {@code --every} seconds it prints the
 * median of 20 calls of each, for {@code --seconds} seconds, then how the memory-bound medians spread.
 *
 * <p>On a cloud VM the memory-bound kernel can change speed for tens of seconds while the ALU-bound one does not
 * (another tenant sharing the core's caches), and every benchmark of memory-bound code then reads whichever speed
 * its run landed in; run this beside a benchmark to see which.
 *
 * <pre>
 * mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec \
 *     -Dbench.main=org.perfjunit.bench.HostSpeedProbe -Dbench.args="--seconds 300 --every 2"
 * </pre>
 */
public final class HostSpeedProbe {

    private static volatile int sink;

    private HostSpeedProbe() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        long seconds = 300;
        long every = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--seconds" -> seconds = Long.parseLong(args[i + 1]);
                case "--every" -> every = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; expected --seconds N, --every N");
            }
        }
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average before: "
                + DefaultsAccuracyBenchmark.loadAverage());
        for (int i = 0; i < 300; i++) { // warm-up: both kernels compiled before the first line
            sink = sieve(1_000_000) + alu(2_000_000);
        }
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        double[] memory = new double[(int) (seconds / every) + 1];
        int lines = 0;
        System.out.println("time      sieve 1 MB ms  ALU chain ms");
        while (System.nanoTime() < end && lines < memory.length) {
            double[] s = new double[20];
            double[] a = new double[20];
            for (int i = 0; i < s.length; i++) {
                long t0 = System.nanoTime();
                sink = sieve(1_000_000);
                long t1 = System.nanoTime();
                sink = alu(2_000_000);
                s[i] = (t1 - t0) / 1e6;
                a[i] = (System.nanoTime() - t1) / 1e6;
            }
            memory[lines++] = median(s);
            System.out.printf(Locale.ROOT, "%tT  %13.3f  %12.3f%n", System.currentTimeMillis(), memory[lines - 1],
                    median(a));
            Thread.sleep(every * 1000);
        }
        double[] m = Arrays.copyOf(memory, lines);
        Arrays.sort(m);
        System.out.printf(Locale.ROOT, "sieve medians: fastest %.3f ms, median %.3f ms, slowest %.3f ms "
                + "(%.0f%% above the fastest); %d of %d lines more than 15%% above the fastest%n", m[0],
                m[m.length / 2], m[m.length - 1], 100 * (m[m.length - 1] / m[0] - 1),
                Arrays.stream(m).filter(v -> v > 1.15 * m[0]).count(), m.length);
        System.out.println("CPU: " + DefaultsAccuracyBenchmark.cpu() + "; load average after: "
                + DefaultsAccuracyBenchmark.loadAverage());
    }

    /** Primes up to {@code n}: one 1 MB {@code boolean[]} per call, written in strides. */
    static int sieve(int n) {
        boolean[] composite = new boolean[n + 1];
        int count = 0;
        for (int i = 2; i <= n; i++) {
            if (!composite[i]) {
                count++;
                for (long j = (long) i * i; j <= n; j += i) {
                    composite[(int) j] = true;
                }
            }
        }
        return count;
    }

    /** A dependent chain of {@code n} multiply-add-shift steps: registers only. */
    static int alu(int n) {
        int x = 1;
        for (int i = 0; i < n; i++) {
            x = x * 1664525 + 1013904223;
            x ^= x >>> 13;
        }
        return x;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
