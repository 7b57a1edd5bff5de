package org.perfjunit.fork;

/**
 * The test threw in a forked JVM. Its message is the child's message; the child's full stack
 * trace text is the message of the {@link #getCause() cause}, so it appears in every report that
 * prints stack traces.
 */
public final class ForkedTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the parent-side failure from what the child reported. */
    public ForkedTestException(ForkOutcome outcome) {
        super(outcome.message() == null ? outcome.exceptionType() : outcome.message(), new ChildStackTrace(
                outcome.exceptionType() + " in forked JVM (pid " + outcome.pid() + "):\n" + outcome.stackTrace()));
    }

    /** Carries the child's stack trace as text; has no stack of its own in this JVM. */
    public static final class ChildStackTrace extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ChildStackTrace(String text) {
            super(text, null, false, false);
        }
    }
}
