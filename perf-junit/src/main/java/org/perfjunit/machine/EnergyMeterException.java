package org.perfjunit.machine;

/** An energy meter that was available could not be read. */
public class EnergyMeterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** With a message naming the meter and what failed. */
    public EnergyMeterException(String message, Throwable cause) {
        super(message, cause);
    }
}
