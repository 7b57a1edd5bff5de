package org.perfjunit.revision;

import java.util.Objects;

/**
 * A git ref as the user wrote it and the commit it resolved to.
 *
 * @param ref the ref as given, e.g. {@code origin/main} or {@code HEAD~1}
 * @param sha the full commit id
 */
public record Revision(String ref, String sha) {

    /** Checks that both parts are present. */
    public Revision {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(sha, "sha");
    }

    /** The commit id abbreviated to seven characters, as {@code git log --oneline} shows it. */
    public String shortSha() {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    /** {@code origin/main (1a2b3c4)}. */
    @Override
    public String toString() {
        return ref + " (" + shortSha() + ")";
    }
}
