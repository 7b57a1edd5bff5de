package org.perfjunit.revision;

import java.nio.file.Path;

/**
 * A base revision exported and compiled.
 *
 * @param revision     the commit
 * @param directory    the top of its exported tree, where the checkout's relative paths apply
 * @param moduleAtBase false when the module under test does not exist at the base (all its tests are new)
 */
public record BaseTree(Revision revision, Path directory, boolean moduleAtBase) {
}
