package org.perfjunit.fork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a fresh JVM runs: wherever the scheduler puts it, as this JVM was started, or pinned to one CPU with Linux's
 * {@code taskset}. A pinned child gets {@code -XX:ActiveProcessorCount} of this JVM, so HotSpot still sizes its
 * collector and compiler threads as here (on one CPU it would pick the Serial collector).
 *
 * <p>Why pin at all: on a cloud VM one vCPU can run cache-bound code 1.4-3.5x slower than the other for minutes
 * (another tenant on its physical core; the VM cannot see it), and fresh JVMs the scheduler places can all land on
 * it. {@link #spread} places the first child as this JVM and pins the others across the CPUs this JVM may use, so
 * the fastest of them reads the fastest CPU too. Pinning cannot hide a slowdown of the code, which is slower on
 * every CPU; a pinned child of code that runs several threads reads slower (they share one CPU), which leaves the
 * decision to the unpinned JVMs.
 *
 * @param cpu the CPU to pin to, or -1 for none
 * @param activeProcessors the child's {@code -XX:ActiveProcessorCount} when pinned
 */
public record ChildPlacement(int cpu, int activeProcessors) {

    /** The launcher that pins a process to CPUs (util-linux). */
    static final String TASKSET = "taskset";

    private static final Pattern ALLOWED = Pattern.compile("(?m)^Cpus_allowed_list:\\s*(\\S+)\\s*$");

    /** Placed by the scheduler, as this JVM was started. */
    public static ChildPlacement unpinned() {
        return new ChildPlacement(-1, 0);
    }

    /** Whether the child is pinned to one CPU. */
    public boolean pinned() {
        return cpu >= 0;
    }

    /** The command prefix that starts the child: {@code taskset -c N}, or nothing. */
    List<String> launcher() {
        return pinned() ? List.of(TASKSET, "-c", Integer.toString(cpu)) : List.of();
    }

    /** JVM arguments that go before the child's own (which win where they repeat the flag). */
    List<String> jvmArgs() {
        return pinned() ? List.of("-XX:ActiveProcessorCount=" + activeProcessors) : List.of();
    }

    /**
     * Placements of {@code count} children on this machine: the first unpinned, the others pinned across the CPUs
     * this JVM may use; all unpinned where that cannot be done (not Linux, no {@code taskset}, or it may not set
     * affinity here, or one CPU).
     */
    public static List<ChildPlacement> spread(int count) {
        return spread(count, Holder.CPUS, Runtime.getRuntime().availableProcessors());
    }

    /**
     * {@code count} placements over {@code cpus}: the first unpinned, then one per CPU spread evenly over the list
     * (two CPUs and three children: none, 0, 1).
     */
    static List<ChildPlacement> spread(int count, List<Integer> cpus, int activeProcessors) {
        List<ChildPlacement> out = new ArrayList<>();
        int pinned = count - 1;
        for (int i = 0; i < count; i++) {
            if (i == 0 || cpus.size() < 2) {
                out.add(unpinned());
            } else {
                int k = i - 1;
                out.add(new ChildPlacement(cpus.get(k * cpus.size() / pinned), activeProcessors));
            }
        }
        return out;
    }

    /** {@code " (the first where the scheduler puts it, the others pinned with taskset to CPU 0, 1)"}, or nothing. */
    public static String describe(List<ChildPlacement> placements) {
        List<String> cpus = placements.stream().filter(ChildPlacement::pinned).map(p -> Integer.toString(p.cpu()))
                .toList();
        return cpus.isEmpty() ? "" : " (the first where the scheduler puts it, the others pinned with taskset to CPU "
                + String.join(", ", cpus) + ")";
    }

    /** The CPUs of a {@code Cpus_allowed_list} line in {@code /proc/self/status} ("0-3,8"), empty when absent. */
    static List<Integer> allowedCpus(String procStatus) {
        Matcher m = ALLOWED.matcher(procStatus);
        List<Integer> cpus = new ArrayList<>();
        if (!m.find()) {
            return cpus;
        }
        try {
            for (String part : m.group(1).split(",")) {
                int dash = part.indexOf('-');
                int from = Integer.parseInt(dash < 0 ? part : part.substring(0, dash));
                int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1));
                for (int c = from; c <= to; c++) {
                    cpus.add(c);
                }
            }
        } catch (NumberFormatException e) {
            return new ArrayList<>();
        }
        return cpus;
    }

    /** This machine's usable CPUs, read once: empty unless {@code taskset} can pin a process here. */
    private static final class Holder {
        static final List<Integer> CPUS = detect();

        private static List<Integer> detect() {
            Path status = Path.of("/proc/self/status");
            List<Integer> cpus;
            try {
                cpus = Files.isReadable(status) ? allowedCpus(Files.readString(status)) : List.of();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
            return cpus.size() >= 2 && canPin(cpus.get(cpus.size() - 1)) ? List.copyOf(cpus) : List.of();
        }

        /** Whether {@code taskset -c cpu true} runs here (absent, or refused by a container's policy, it does not). */
        private static boolean canPin(int cpu) {
            try {
                Process p = new ProcessBuilder(TASKSET, "-c", Integer.toString(cpu), "true")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return false;
                }
                return p.exitValue() == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
