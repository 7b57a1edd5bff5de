package org.perfjunit.fork;

import java.nio.file.Path;
import java.time.Duration;
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

    /** Whether this JVM is a forked child, which measures and hands its result to the parent. */
    public boolean isChild() {
        return childResultFile != null;
    }
}
