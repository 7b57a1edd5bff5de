package org.perfjunit.settings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
    @DisplayName("revision A/B thresholds are known for time and CPU time; another metric's is reported as ignored")
    void revisionThresholdKeys() {
        List<String> warnings = new ArrayList<>();
        ConfigurationKeys.check("perf.junit.baseline.revision.critical.time", "x", warnings);
        ConfigurationKeys.check("perf.junit.baseline.revision.warning.cpu_time", "x", warnings);
        assertThat(warnings).isEmpty();
        ConfigurationKeys.check("perf.junit.baseline.revision.critical.allocated", "x", warnings);
        assertThat(warnings).containsExactly("configuration key [perf.junit.baseline.revision.critical.allocated] in x "
                + "is ignored: revision A/B pairs time and CPU time only, so its thresholds are "
                + "[perf.junit.baseline.revision.critical.time] and [perf.junit.baseline.revision.critical.cpu_time]");
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

    @Test
    @DisplayName("a renamed key still works under its old spelling, with one warning per run naming the new key")
    void deprecatedSpellings() {
        Map<String, String> configured = Map.of("perf.junit.baseline.max_samples", "50",
                "perf.junit.measurement.thread", "same");
        List<String> warnings = new ArrayList<>();
        Set<String> warned = new HashSet<>();
        Function<String, Optional<String>> keys = ConfigurationKeys.withDeprecatedSpellings(
                k -> Optional.ofNullable(configured.get(k)), warned::add, warnings::add);

        assertThat(keys.apply("perf.junit.baseline.max.samples")).contains("50");
        assertThat(keys.apply("perf.junit.baseline.max.samples")).contains("50");
        assertThat(keys.apply("perf.junit.measurement.timeout.thread.mode")).contains("same");
        assertThat(keys.apply("perf.junit.baseline.fail.on.inconclusive")).isEmpty();
        assertThat(warnings).containsExactly(
                "configuration key [perf.junit.baseline.max_samples] is deprecated and will be removed; rename it to "
                        + "[perf.junit.baseline.max.samples]",
                "configuration key [perf.junit.measurement.thread] is deprecated and will be removed; rename it to "
                        + "[perf.junit.measurement.timeout.thread.mode]");
    }

    @Test
    @DisplayName("the new spelling wins over the old one, silently")
    void newSpellingWins() {
        Map<String, String> configured = Map.of("perf.junit.baseline.max_samples", "50",
                "perf.junit.baseline.max.samples", "70");
        List<String> warnings = new ArrayList<>();
        Function<String, Optional<String>> keys = ConfigurationKeys.withDeprecatedSpellings(
                k -> Optional.ofNullable(configured.get(k)), k -> true, warnings::add);

        assertThat(keys.apply("perf.junit.baseline.max.samples")).contains("70");
        assertThat(warnings).isEmpty();
    }

    @Test
    @DisplayName("an old spelling is not reported as an unknown key, and every new spelling is known")
    void oldSpellingsAreKnown() {
        List<String> warnings = new ArrayList<>();
        ConfigurationKeys.DEPRECATED_SPELLINGS.values().forEach(old -> ConfigurationKeys.check(old, "x", warnings));
        assertThat(warnings).isEmpty();
        assertThat(ConfigurationKeys.KNOWN).containsAll(ConfigurationKeys.DEPRECATED_SPELLINGS.keySet());
    }
}
