package org.perfjunit.report;

import java.time.Instant;
import java.util.Optional;

/**
 * Identifies one test run across the JVMs that execute it, so forked JVMs (Surefire
 * {@code forkCount=2}) merge their results into one report.
 *
 * <p>In a Surefire fork (recognized by Surefire's {@code surefire.test.class.path} /
 * {@code surefire.real.class.path} system properties) the run is owned by the Maven JVM that
 * started the forks: the nearest ancestor process running {@code java} (Surefire may start forks
 * through a shell). Anywhere else (IDE, ConsoleLauncher, Surefire without forks) the run is owned by
 * this JVM. The key is {@code run-<owner pid>-<owner start millis>}: including the start instant
 * means a recycled pid never joins an old run, and a part file whose owner is no longer alive
 * belongs to a finished run and can be deleted.
 *
 * @param id the key, {@code run-<pid>-<startMillis>}
 */
record RunKey(String id) {

    private static final int MAX_ANCESTORS = 4;

    /** The run this JVM belongs to. */
    static RunKey current() {
        ProcessHandle self = ProcessHandle.current();
        boolean surefireFork = System.getProperty("surefire.test.class.path") != null
                || System.getProperty("surefire.real.class.path") != null;
        return of(surefireFork ? buildProcess(self) : self);
    }

    static RunKey of(ProcessHandle owner) {
        long start = owner.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new RunKey("run-" + owner.pid() + "-" + start);
    }

    /** This JVM's own id, used to name its part file. */
    static String jvmId() {
        return RunKey.of(ProcessHandle.current()).id().substring("run-".length());
    }

    private static ProcessHandle buildProcess(ProcessHandle self) {
        Optional<ProcessHandle> p = self.parent();
        ProcessHandle firstParent = p.orElse(self);
        for (int i = 0; i < MAX_ANCESTORS && p.isPresent(); i++) {
            ProcessHandle candidate = p.get();
            String command = candidate.info().command().orElse("");
            if (command.endsWith("java") || command.endsWith("java.exe")) {
                return candidate;
            }
            p = candidate.parent();
        }
        return firstParent;
    }

    /** Whether the process that owns run {@code id} is still running (same pid and start time). */
    static boolean isAlive(String id) {
        String[] parts = id.split("-");
        if (parts.length != 3 || !parts[0].equals("run")) {
            return false;
        }
        try {
            long pid = Long.parseLong(parts[1]);
            long start = Long.parseLong(parts[2]);
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(h -> h.info().startInstant().map(Instant::toEpochMilli).orElse(0L) == start).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
