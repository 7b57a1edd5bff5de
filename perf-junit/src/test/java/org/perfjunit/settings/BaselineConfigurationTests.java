package org.perfjunit.settings;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.Baseline;
import org.perfjunit.baseline.BaselineKeys;
import org.perfjunit.baseline.BaselineMode;
import org.perfjunit.baseline.BaselineSettings;
import org.perfjunit.baseline.Threshold;
import org.perfjunit.model.Statistic;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BaselineConfigurationTests {

    @Baseline(mode = "strict", critical = "time=20%", warning = "time=12%", statistic = "p95", against = "reference")
    void annotatedMethod() {
    }

    @Baseline(mode = "off", critical = "time=30%", metrics = {"time", "energy"})
    static class AnnotatedClass {
    }

    @Baseline(critical = "time=abc")
    void badLimit() {
    }

    @Baseline(warning = "time=20%", critical = "time=10%")
    void warningAboveCritical() {
    }

    @Baseline(statistic = "p42")
    void badStatistic() {
    }

    @Baseline(against = "reference", maxRatio = 1.9)
    void ratioOnMethod() {
    }

    @Baseline(against = "reference")
    void pairedWithoutRatio() {
    }

    @Baseline(maxRatio = 2)
    void ratioWithoutReference() {
    }

    @Baseline(against = "reference", maxRatio = -3)
    void negativeRatio() {
    }

    @Baseline(maxRatio = 0.8)
    static class RatioClass {
    }

    private static Optional<Baseline> on(String method) throws Exception {
        return Optional.of(BaselineConfigurationTests.class.getDeclaredMethod(method).getAnnotation(Baseline.class));
    }

    private static Optional<Baseline> onClass() {
        return Optional.of(AnnotatedClass.class.getAnnotation(Baseline.class));
    }

    private static BaselineSettings resolve(Map<String, String> keys, Optional<Baseline> method, Optional<Baseline> type) {
        return new BaselineConfiguration(k -> Optional.ofNullable(keys.get(k))).resolve(method, type, "test()");
    }

    @Test
    void throughputFollowsAConfiguredTimeThresholdUnlessConfiguredItself() throws Exception {
        BaselineSettings s = resolve(Map.of(), on("annotatedMethod"), Optional.empty());
        assertThat(s.thresholdFor("throughput")).isEqualTo(Threshold.relative(0.12, 0.20));
        BaselineSettings own = resolve(Map.of("perf.junit.baseline.critical.throughput", "40%"), on("annotatedMethod"),
                Optional.empty());
        assertThat(own.thresholdFor("throughput")).isEqualTo(Threshold.relative(0.08, 0.40));
        assertThat(resolve(Map.of(), Optional.empty(), Optional.empty()).thresholdFor("throughput"))
                .isEqualTo(BaselineSettings.defaultThreshold("throughput"));
    }

    @Test
    void theMethodAnnotationWinsOverClassAnnotationAndKeys() throws Exception {
        BaselineSettings s = resolve(Map.of("perf.junit.baseline.mode", "update", "perf.junit.baseline.critical.time", "50%"),
                on("annotatedMethod"), onClass());
        assertThat(s.mode()).isEqualTo(BaselineMode.STRICT);
        assertThat(s.statistic()).isEqualTo(Statistic.P95);
        assertThat(s.thresholdFor("time")).isEqualTo(Threshold.relative(0.12, 0.20));
        assertThat(s.against()).isEqualTo("reference");
        assertThat(s.comparedMetrics()).containsExactly("time", "energy");
    }

    @Test
    void theClassAnnotationWinsOverKeys() {
        BaselineSettings s = resolve(Map.of("perf.junit.baseline.mode", "update", "perf.junit.baseline.critical.time", "50%"),
                Optional.empty(), onClass());
        assertThat(s.mode()).isEqualTo(BaselineMode.OFF);
        assertThat(s.thresholdFor("time")).isEqualTo(Threshold.relative(0.08, 0.30));
    }

    @Test
    void keysWinOverDefaults() {
        BaselineSettings s = resolve(Map.of("perf.junit.baseline.mode", "update_if_improved",
                "perf.junit.baseline.critical.time", "5%", "perf.junit.baseline.warning.energy", "1%",
                "perf.junit.baseline.metrics", "cpu_time, allocated", "perf.junit.baseline.statistic", "mean",
                "perf.junit.baseline.confidence", "0.99", "perf.junit.baseline.fail.on.inconclusive", "true",
                "perf.junit.baseline.normalize", "false", "perf.junit.baseline.max.samples", "50",
                "perf.junit.baseline.dir", "perf/baselines"), Optional.empty(), Optional.empty());
        assertThat(s.mode()).isEqualTo(BaselineMode.UPDATE_IF_IMPROVED);
        assertThat(s.thresholdFor("time")).isEqualTo(Threshold.relative(0.05, 0.05));
        assertThat(s.comparedMetrics()).containsExactly("cpu_time", "allocated");
        assertThat(s.statistic()).isEqualTo(Statistic.MEAN);
        assertThat(s.confidence()).isEqualTo(0.99);
        assertThat(s.failOnInconclusive()).isTrue();
        assertThat(s.maxSamples()).isEqualTo(50);
        assertThat(s.directory()).isEqualTo(Path.of("perf/baselines"));
        assertThat(s.confirmJvms()).as("default").isEqualTo(3);
        assertThat(resolve(Map.of("perf.junit.baseline.confirm.jvms", "5"), Optional.empty(), Optional.empty())
                .confirmJvms()).isEqualTo(5);
    }

    @Test
    void revisionAbJudgesTimeByItsOwnKeysNotByTheStoredBaselineThresholds() throws Exception {
        BaselineSettings stored = resolve(Map.of("perf.junit.baseline.critical.cpu_time", "150%"), on("annotatedMethod"),
                Optional.empty());
        assertThat(stored.forRevision().thresholdFor("time")).as("annotation's 12%/20% is for stored baselines")
                .isEqualTo(BaselineSettings.REVISION_DEFAULT);
        assertThat(stored.forRevision().thresholdFor("cpu_time")).isEqualTo(BaselineSettings.REVISION_DEFAULT);
        assertThat(stored.thresholdFor("cpu_time")).isEqualTo(Threshold.relative(0.08, 1.50));

        BaselineSettings own = resolve(Map.of(BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX + "cpu_time", "5%",
                BaselineKeys.REVISION_WARNING_PROPERTY_NAME_PREFIX + "time", "2%",
                BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX + "time", "6%"), Optional.empty(), Optional.empty());
        assertThat(own.forRevision().thresholdFor("cpu_time")).as("the unset warning keeps the revision default's 1%")
                .isEqualTo(Threshold.relative(0.01, 0.05));
        assertThat(own.forRevision().thresholdFor("time")).isEqualTo(Threshold.relative(0.02, 0.06));
        assertThat(own.thresholdFor("time")).as("stored baselines keep theirs")
                .isEqualTo(BaselineSettings.defaultThreshold("time"));
        assertThat(own.withMode(BaselineMode.STRICT).forRevision().thresholdFor("time"))
                .isEqualTo(Threshold.relative(0.02, 0.06));

        assertThatThrownBy(() -> resolve(Map.of(BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX + "time", "2pt"),
                Optional.empty(), Optional.empty())).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: key [perf.junit.baseline.revision.critical.time] value [2pt] is invalid: "
                        + "revision A/B compares time as a ratio; write a percentage, e.g. '3%'.");
        assertThatThrownBy(() -> resolve(Map.of(BaselineKeys.REVISION_WARNING_PROPERTY_NAME_PREFIX + "time", "5%",
                BaselineKeys.REVISION_CRITICAL_PROPERTY_NAME_PREFIX + "time", "4%"), Optional.empty(), Optional.empty()))
                .hasMessageContaining("the warning threshold of [time] must not exceed the critical one");
    }

    @Test
    void theExpectedRatioFollowsMethodThenClassThenKeyThenUnset() throws Exception {
        Map<String, String> key = Map.of(BaselineKeys.MAX_RATIO_PROPERTY_NAME, "1.25");
        Optional<Baseline> ratioClass = Optional.of(RatioClass.class.getAnnotation(Baseline.class));
        assertThat(resolve(key, on("ratioOnMethod"), ratioClass).maxRatio()).as("method").isEqualTo(1.9);
        assertThat(resolve(key, on("pairedWithoutRatio"), ratioClass).maxRatio()).as("class").isEqualTo(0.8);
        assertThat(resolve(key, on("pairedWithoutRatio"), Optional.empty()).maxRatio()).as("key").isEqualTo(1.25);
        assertThat(resolve(Map.of(), on("pairedWithoutRatio"), Optional.empty()).maxRatio()).as("default").isNaN();
    }

    @Test
    void theClassAndKeyRatioLeaveTestsWithoutAReferenceAlone() throws Exception {
        Map<String, String> key = Map.of(BaselineKeys.MAX_RATIO_PROPERTY_NAME, "1.25");
        assertThat(resolve(key, Optional.empty(), Optional.empty()).maxRatio()).isNaN();
        assertThat(resolve(Map.of(), Optional.empty(), Optional.of(RatioClass.class.getAnnotation(Baseline.class)))
                .maxRatio()).isNaN();
    }

    @Test
    void aBadExpectedRatioNamesTheKeyOrAttributeTheValueAndTheFix() throws Exception {
        assertThatThrownBy(() -> resolve(Map.of(BaselineKeys.MAX_RATIO_PROPERTY_NAME, "fast"), Optional.empty(),
                Optional.empty())).isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: key [perf.junit.baseline.max.ratio] value [fast] is invalid: expected "
                        + "a positive ratio candidate / reference, e.g. 1.9 (at most 1.9x the reference's time) or 0.8 "
                        + "(at least 20% faster).");
        assertThatThrownBy(() -> resolve(Map.of(BaselineKeys.MAX_RATIO_PROPERTY_NAME, "0"), on("pairedWithoutRatio"),
                Optional.empty())).hasMessageContaining("[perf.junit.baseline.max.ratio] value [0] is invalid");
        assertThatThrownBy(() -> resolve(Map.of(), on("negativeRatio"), Optional.empty()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: @Baseline(maxRatio = -3.0) on [test()] must be a positive ratio "
                        + "candidate / reference, e.g. 1.9 (at most 1.9x the reference's time) or 0.8 (at least 20% faster).");
        assertThatThrownBy(() -> resolve(Map.of(), on("ratioWithoutReference"), Optional.empty()))
                .hasMessage("Configuration error: @Baseline(maxRatio = 2.0) on [test()] needs a reference to divide by; "
                        + "name it with @Baseline(against = \"referenceMethod\", maxRatio = 2.0).");
    }

    @Test
    void renamedKeysStillWorkUnderTheirOldSpelling() {
        BaselineSettings s = resolve(Map.of("perf.junit.baseline.fail_on_inconclusive", "true",
                "perf.junit.baseline.max_samples", "50"), Optional.empty(), Optional.empty());
        assertThat(s.failOnInconclusive()).isTrue();
        assertThat(s.maxSamples()).isEqualTo(50);
    }

    @Test
    void withoutAnythingTheDocumentedDefaultsApply() {
        BaselineSettings s = resolve(Map.of(), Optional.empty(), Optional.empty());
        assertThat(s.mode()).isEqualTo(BaselineMode.COMPARE);
        assertThat(s.statistic()).isEqualTo(Statistic.MEDIAN);
        assertThat(s.comparedMetrics()).as("throughput follows time, so it is not compared again")
                .containsExactly("time", "allocated", "retained", "energy", "accuracy");
        assertThat(s.thresholdFor("time")).isEqualTo(Threshold.relative(0.08, 0.15));
        assertThat(s.thresholdFor("energy")).isEqualTo(Threshold.relative(0.03, 0.05));
        assertThat(s.thresholdFor("accuracy")).isEqualTo(Threshold.points(0.5, 1.0));
        assertThat(s.thresholdFor("allocated")).isEqualTo(Threshold.relative(0.05, 0.10));
        assertThat(s.confidence()).isEqualTo(0.95);
        assertThat(s.maxSamples()).isEqualTo(200);
        assertThat(s.directory()).isNull();
    }

    @Test
    void invalidValuesNameTheKeyOrAttributeTheValueAndTheFix() throws Exception {
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.mode", "fast"), Optional.empty(), Optional.empty()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: key [perf.junit.baseline.mode] value [fast] is invalid: "
                        + "expected one of compare, strict, update, update_if_improved, off.");
        assertThatThrownBy(() -> resolve(Map.of(), on("badLimit"), Optional.empty()))
                .hasMessage("Configuration error: @Baseline on [test()] attribute 'critical' entry [time=abc] is invalid: "
                        + "expected a percentage such as '8%' or points such as '1pt'; write e.g. 'time=15%' or 'accuracy=1pt'.");
        assertThatThrownBy(() -> resolve(Map.of(), on("warningAboveCritical"), Optional.empty()))
                .hasMessageContaining("the warning threshold of [time] must not exceed the critical one");
        assertThatThrownBy(() -> resolve(Map.of(), on("badStatistic"), Optional.empty()))
                .hasMessageContaining("attribute 'statistic' value [p42] is invalid: expected one of min, median");
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.critical.accuracy", "2%"), Optional.empty(),
                Optional.empty())).hasMessageContaining("set both warning and critical in the same unit");
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.confidence", "95"), Optional.empty(),
                Optional.empty())).hasMessageContaining("[perf.junit.baseline.confidence] value [95]");
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.normalize", "yes"), Optional.empty(),
                Optional.empty())).hasMessageContaining("expected true or false");
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.normalize", "true"), Optional.empty(),
                Optional.empty())).hasMessageContaining("[true] is retired").hasMessageContaining("remove the key");
        assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.max_samples", "12.5"), Optional.empty(),
                Optional.empty())).hasMessageContaining("expected a whole number of samples");
        for (String bad : List.of("-1", "three", "21")) {
            assertThatThrownBy(() -> resolve(Map.of("perf.junit.baseline.confirm.jvms", bad), Optional.empty(),
                    Optional.empty())).hasMessageContaining("[perf.junit.baseline.confirm.jvms] value [" + bad + "]")
                    .hasMessageContaining("expected a whole number of fresh JVMs between 0 (fail at once) and 20");
        }
        assertThat(List.of(BaselineKeys.MODE_PROPERTY_NAME, BaselineKeys.DIR_PROPERTY_NAME))
                .allMatch(k -> k.startsWith("perf.junit.baseline."));
    }
}
