package org.perfjunit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Configuration key check")
class ConfigurationKeysTests {

    @Test
    @DisplayName("a misspelt key is reported with the closest known key")
    void typo() {
        List<String> warnings = new ArrayList<>();
        ConfigurationKeys.check("perf.junit.measurment.iterations", "system property", warnings);
        assertThat(warnings).containsExactly("unknown configuration key [perf.junit.measurment.iterations] in "
                + "system property; it is ignored. Did you mean [perf.junit.measurement.iterations]?");
    }

    @Test
    @DisplayName("known keys and other prefixes pass silently")
    void known() {
        List<String> warnings = new ArrayList<>();
        ConfigurationKeys.check("perf.junit.mode", "x", warnings);
        ConfigurationKeys.check("junit.jupiter.execution.parallel.enabled", "x", warnings);
        assertThat(warnings).isEmpty();
    }

    @Test
    @DisplayName("a key far from every known key gets no guess")
    void noGuess() {
        List<String> warnings = new ArrayList<>();
        ConfigurationKeys.check("perf.junit.something.entirely.different", "x", warnings);
        assertThat(warnings).singleElement().asString().endsWith("Known keys are listed in the README.");
    }

    @Test
    @DisplayName("every *_PROPERTY_NAME constant of the extension is registered")
    void allConstantsKnown() throws IllegalAccessException {
        for (var field : PerfConfiguration.class.getDeclaredFields()) {
            if (field.getName().endsWith("_PROPERTY_NAME")) {
                field.setAccessible(true);
                assertThat(ConfigurationKeys.KNOWN).contains((String) field.get(null));
            }
        }
    }
}
