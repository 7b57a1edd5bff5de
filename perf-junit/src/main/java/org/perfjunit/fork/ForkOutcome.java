package org.perfjunit.fork;

/**
 * How the test ended in a forked JVM, written by the child's main ({@code extension.ForkedTestMain}) as JSON next to the result file.
 *
 * @param status          {@code SUCCESSFUL}, {@code FAILED}, {@code ABORTED} or {@code NOT_RUN}
 * @param pid             process id of the forked JVM
 * @param exceptionType   class of the throwable, or null
 * @param message         its message, or null
 * @param stackTrace      its full stack trace text (with causes), or null
 */
public record ForkOutcome(String status, long pid, String exceptionType, String message, String stackTrace) {

    /** Whether the test ran and did not throw. */
    public boolean successful() {
        return "SUCCESSFUL".equals(status);
    }
}
