/**
 * Revision A/B: the code under test as it was at a base git revision, loaded beside the working tree's.
 * {@link org.perfjunit.revision.RevisionResolver} turns a ref into a commit,
 * {@link org.perfjunit.revision.RevisionBuild} exports and compiles that commit once (cached by commit),
 * {@link org.perfjunit.revision.ClassPathMapping} points this JVM's project class path entries at the
 * exported tree, and {@link org.perfjunit.revision.RevisionClassLoader} loads the base classes child-first
 * from there; {@link org.perfjunit.revision.BaseRevision} ties the steps together.
 *
 * <p>JUnit-free core: imports nothing of JUnit nor of {@code org.perfjunit}, {@code extension} or {@code settings}.
 */
package org.perfjunit.revision;
