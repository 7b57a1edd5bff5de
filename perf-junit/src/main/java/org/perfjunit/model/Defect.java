package org.perfjunit.model;

/**
 * Why a value read from a file cannot be trusted, and where: {@code pointer} is the JSON pointer of
 * the offending value (e.g. {@code /tests/0/metrics/time/summary/median}), so the reader can name its
 * line and column.
 *
 * @param pointer JSON pointer of the value, relative to what was checked
 * @param problem what is wrong, in words a user can act on
 */
public record Defect(String pointer, String problem) {

    /** This defect, found inside the value at {@code prefix} (a pointer such as {@code /tests/0}). */
    public Defect under(String prefix) {
        return new Defect(prefix + pointer, problem);
    }

    /** A pointer segment for {@code key}, escaped as RFC 6901 requires. */
    public static String segment(String key) {
        return "/" + key.replace("~", "~0").replace("/", "~1");
    }
}
