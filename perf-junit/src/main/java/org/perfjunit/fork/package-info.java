/**
 * Forked isolation, JUnit-free: starting one test in a fresh JVM ({@link org.perfjunit.fork.ForkedJvm}, same
 * {@code java}, same class path), its {@link org.perfjunit.fork.ForkSettings}, and pooling the children's
 * results ({@link org.perfjunit.fork.ForkMerger}). The child's main, which runs the test through the JUnit
 * Platform Launcher, is {@code extension.ForkedTestMain}.
 *
 * <p>May import: {@code model}, {@code stats}. Not API.
 */
package org.perfjunit.fork;
