package org.perfjunit.settings;

import org.perfjunit.RequiresHardware;

import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.util.Locale;
import java.util.Optional;

/** What {@link RequiresHardware} does about missing hardware; see {@link RequiresHardware#MISSING_PROPERTY_NAME}. */
public enum MissingHardwareMode {
    SKIP,
    FAIL;

    /** Parses the configuration value (default {@code skip}); anything else is a configuration error. */
    static MissingHardwareMode parse(Optional<String> value) {
        if (value.isEmpty()) {
            return SKIP;
        }
        String v = value.get().trim().toLowerCase(Locale.ROOT);
        for (MissingHardwareMode mode : values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(v)) {
                return mode;
            }
        }
        throw new ExtensionConfigurationException("Configuration error: [" + RequiresHardware.MISSING_PROPERTY_NAME
                + "] must be [skip] or [fail], was [" + value.get() + "].");
    }
}
