package org.perfjunit.engine;

/**
 * A measurement overran its timeout and was stopped ({@link MeasurementWatchdog}). An
 * {@link AssertionError}, so test frameworks report a failure and a {@code catch (Exception e)} in
 * the code under test cannot swallow it. The cause carries the stack trace of the measuring thread
 * at the deadline (where it hung); other threads of the measurement are attached as suppressed.
 */
public final class MeasurementTimeoutException extends AssertionError {

    private static final long serialVersionUID = 1L;

    MeasurementTimeoutException(String message, Throwable whereItHung) {
        super(message, whereItHung);
    }
}
