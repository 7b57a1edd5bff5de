package org.perfjunit.revision;

/** A base revision that cannot be resolved, exported, built or loaded; the message says what to do. */
public class RevisionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure with a message the user can act on. */
    public RevisionException(String message) {
        super(message);
    }

    /** A failure with a message the user can act on and its cause. */
    public RevisionException(String message, Throwable cause) {
        super(message, cause);
    }
}
