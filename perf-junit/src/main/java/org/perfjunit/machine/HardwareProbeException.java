package org.perfjunit.machine;

/** A {@link HardwareProbe} threw instead of answering; the test that required the hardware errors. */
public class HardwareProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Wraps the probe's failure with a message naming the probe and the hardware. */
    public HardwareProbeException(String message, Throwable cause) {
        super(message, cause);
    }
}
