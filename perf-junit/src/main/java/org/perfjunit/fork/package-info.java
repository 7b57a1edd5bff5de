/**
 * Forked isolation: running one test in a fresh JVM and bringing its outcome back.
 * {@link org.perfjunit.fork.ForkedJvm} starts the child (same {@code java}, same class path) and
 * {@link org.perfjunit.fork.ForkedTestMain} runs the selected test in it through the JUnit Platform Launcher.
 */
package org.perfjunit.fork;
