package org.perfjunit.fork;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether and how one test runs in fresh JVMs, resolved from annotations and keys.
 *
 * @param forks           fresh JVMs to run the test in, one after another; 0 = this JVM (always 0 in a child)
 * @param jvmArgs         extra JVM arguments of the children
 * @param timeout         how long a child may run before it is killed and the test fails
 * @param childResultFile where this JVM, when it is a forked child, writes its result; null in a parent
 */
public record ForkSettings(int forks, List<String> jvmArgs, Duration timeout, Path childResultFile) {

    public ForkSettings {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /**
     * These settings for children that stand in for this JVM: {@code inherited} (this JVM's own arguments) first,
     * then the configured {@link #jvmArgs}, which win where they repeat a flag.
     */
    public ForkSettings inheriting(List<String> inherited) {
        List<String> args = new ArrayList<>(inherited);
        args.addAll(jvmArgs);
        return new ForkSettings(forks, args, timeout, childResultFile);
    }

    /**
     * This JVM's arguments (heap, collector, agents, {@code -D} properties), without a debugger's: a child that
     * opened the same debug port would not start.
     */
    public static List<String> thisJvmArguments() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> !a.startsWith("-agentlib:jdwp") && !a.startsWith("-Xrunjdwp") && !a.equals("-Xdebug"))
                .toList();
    }

    /** Whether this JVM is a forked child, which measures and hands its result to the parent. */
    public boolean isChild() {
        return childResultFile != null;
    }
}
