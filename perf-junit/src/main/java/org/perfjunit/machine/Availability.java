package org.perfjunit.machine;

import java.util.Objects;

/**
 * Whether an {@link EnergyMeter} can measure here.
 *
 * @param available true when the meter works on this machine
 * @param reason    what was found, or why the meter cannot measure (shown in skip messages)
 */
public record Availability(boolean available, String reason) {

    public Availability {
        Objects.requireNonNull(reason, "reason");
    }

    /** The meter works; {@code detail} says what it reads. */
    public static Availability available(String detail) {
        return new Availability(true, detail);
    }

    /** The meter cannot measure, for the given reason. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }
}
