package org.perfjunit.baseline;

import java.util.Locale;
import java.util.Optional;

/** What a run does with stored baselines; configuration values are the lower-case names. */
public enum BaselineMode {
    /** Compare; a missing baseline is recorded and reported as NEW (the test passes). The default. */
    COMPARE,
    /** Compare; a missing baseline fails the test. For CI jobs that must compare. */
    STRICT,
    /** Compare for the report, then overwrite the baseline with the current values. Never fails. */
    UPDATE,
    /** Compare (failing on a critical regression) and store metrics that improved or were new. */
    UPDATE_IF_IMPROVED,
    /** Neither compare nor write. */
    OFF;

    /** The configuration value, e.g. {@code update_if_improved}. */
    public String configValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The mode named {@code value} (case-insensitive), or empty. */
    public static Optional<BaselineMode> parse(String value) {
        for (BaselineMode mode : values()) {
            if (mode.configValue().equalsIgnoreCase(value.trim())) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
