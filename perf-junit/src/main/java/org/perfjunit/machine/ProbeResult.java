package org.perfjunit.machine;

import java.util.Objects;

/**
 * What a {@link HardwareProbe} found.
 *
 * @param present whether the hardware is usable
 * @param reason  for absent hardware, why (shown in the skip message, e.g. {@code nvidia-smi not
 *                found}); for present hardware, what was found (e.g. the device path)
 */
public record ProbeResult(boolean present, String reason) {

    public ProbeResult {
        Objects.requireNonNull(reason, "reason");
    }

    /** The hardware is there; {@code detail} says what was found. */
    public static ProbeResult present(String detail) {
        return new ProbeResult(true, detail);
    }

    /** The hardware is missing, for the given reason. */
    public static ProbeResult absent(String reason) {
        return new ProbeResult(false, reason);
    }
}
