package org.perfjunit.settings;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.perfjunit.MaxDuration;
import org.perfjunit.MaxEnergy;
import org.perfjunit.MaxMemory;
import org.perfjunit.MemoryUnit;
import org.perfjunit.MinThroughput;
import org.perfjunit.Performance;
import org.perfjunit.engine.MeasurementWatchdog.ThreadMode;
import org.perfjunit.engine.SamplerSettings;
import org.perfjunit.engine.TimeoutPolicy;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Statistic;
import org.perfjunit.verdict.Limit;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** One test per rung of the configuration ladder (method, class, enclosing class, key, default) of each reader. */
@DisplayName("Configuration ladder, rung by rung")
class ConfigurationRungsTests {

    @Performance(iterations = 3, timeout = "4s", threadMode = "same")
    @MaxDuration(value = 50, unit = TimeUnit.MILLISECONDS)
    static class Annotated {
        @Performance(iterations = 7, timeout = "2s")
        @MaxDuration(value = 5, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P95)
        @MaxDuration(value = 9, unit = TimeUnit.MILLISECONDS, statistic = Statistic.P99)
        void onMethod() {
        }

        void onClass() {
        }

        class Inner {
            void onEnclosing() {
            }
        }
    }

    static class Plain {
        @MaxMemory(value = 1, unit = MemoryUnit.KIB)
        @MinThroughput(value = 100, per = TimeUnit.SECONDS)
        @MaxEnergy(2)
        void otherLimits() {
        }

        void nothing() {
        }
    }

    private static AnnotationLadder ladder(Class<?> type, String name) throws NoSuchMethodException {
        return AnnotationLadder.of(declared(type, name), type);
    }

    private static Method declared(Class<?> type, String name) throws NoSuchMethodException {
        return type.getDeclaredMethod(name);
    }

    private static SamplerSettings keys(Map<String, String> keys) {
        return PerfConfiguration.load(k -> Optional.ofNullable(keys.get(k))).samplerDefaults;
    }

    private static ConfigurationReader reader(Map<String, String> keys) {
        return new ConfigurationReader(k -> Optional.ofNullable(keys.get(k)));
    }

    @Nested
    @DisplayName("sampler")
    class Sampler {
        private final SamplerSettings keyed = keys(Map.of("perf.junit.measurement.iterations", "11"));

        @Test
        @DisplayName("the method annotation wins over the class's and the key")
        void method() throws NoSuchMethodException {
            assertThat(SamplerConfiguration.resolve(ladder(Annotated.class, "onMethod"), declared(Annotated.class,
                    "onMethod"), keyed).iterations()).isEqualTo(7);
        }

        @Test
        @DisplayName("the class annotation applies when the method sets nothing")
        void type() throws NoSuchMethodException {
            assertThat(SamplerConfiguration.resolve(ladder(Annotated.class, "onClass"), declared(Annotated.class,
                    "onClass"), keyed).iterations()).isEqualTo(3);
        }

        @Test
        @DisplayName("an enclosing class's annotation applies to a nested test")
        void enclosing() throws NoSuchMethodException {
            Method m = declared(Annotated.Inner.class, "onEnclosing");
            assertThat(SamplerConfiguration.resolve(AnnotationLadder.of(m, Annotated.Inner.class), m, keyed)
                    .iterations()).isEqualTo(3);
        }

        @Test
        @DisplayName("the key applies without an annotation")
        void key() throws NoSuchMethodException {
            assertThat(SamplerConfiguration.resolve(ladder(Plain.class, "nothing"), declared(Plain.class, "nothing"),
                    keyed).iterations()).isEqualTo(11);
        }

        @Test
        @DisplayName("the default applies without annotation or key")
        void byDefault() throws NoSuchMethodException {
            assertThat(SamplerConfiguration.resolve(ladder(Plain.class, "nothing"), declared(Plain.class, "nothing"),
                    keys(Map.of()))).isEqualTo(SamplerSettings.defaults());
        }
    }

    @Nested
    @DisplayName("limits")
    class Limits {
        @Test
        @DisplayName("repeatable limits on the method replace the class's")
        void method() throws NoSuchMethodException {
            assertThat(LimitConfiguration.resolve(ladder(Annotated.class, "onMethod"), declared(Annotated.class,
                    "onMethod"))).extracting(Limit::statistic, Limit::bound)
                    .containsExactly(tuple(Statistic.P95, 5e6),
                            tuple(Statistic.P99, 9e6));
        }

        @Test
        @DisplayName("the class's limit applies to a method and to a nested class's test")
        void typeAndEnclosing() throws NoSuchMethodException {
            Method nested = declared(Annotated.Inner.class, "onEnclosing");
            assertThat(LimitConfiguration.resolve(ladder(Annotated.class, "onClass"), declared(Annotated.class, "onClass")))
                    .extracting(Limit::bound).containsExactly(50e6);
            assertThat(LimitConfiguration.resolve(AnnotationLadder.of(nested, Annotated.Inner.class), nested))
                    .extracting(Limit::bound).containsExactly(50e6);
        }

        @Test
        @DisplayName("memory, throughput and energy limits are read in one place; no annotation, no limit")
        void otherLimitsAndDefault() throws NoSuchMethodException {
            assertThat(LimitConfiguration.resolve(ladder(Plain.class, "otherLimits"), declared(Plain.class, "otherLimits")))
                    .extracting(Limit::source, Limit::metric, Limit::bound).containsExactly(
                            tuple("@MaxMemory", MetricNames.ALLOCATED, 1024.0),
                            tuple("@MinThroughput", MetricNames.THROUGHPUT, 100.0),
                            tuple("@MaxEnergy", MetricNames.ENERGY, 2.0));
            assertThat(LimitConfiguration.resolve(ladder(Plain.class, "nothing"), declared(Plain.class, "nothing")))
                    .isEmpty();
        }
    }

    @Nested
    @DisplayName("timeout")
    class Timeout {
        private final ConfigurationReader keyed = reader(Map.of("perf.junit.measurement.timeout", "3s",
                "perf.junit.measurement.timeout.thread.mode", "same"));

        @Test
        @DisplayName("the method annotation wins over the class's and the key")
        void method() throws NoSuchMethodException {
            TimeoutPolicy policy = TimeoutConfiguration.resolve(ladder(Annotated.class, "onMethod"),
                    declared(Annotated.class, "onMethod"), keyed);
            assertThat(policy.explicit()).isEqualTo(Duration.ofSeconds(2));
            assertThat(policy.origin()).isEqualTo("(@Performance(timeout = \"2s\"))");
        }

        @Test
        @DisplayName("the class annotation applies when the method sets nothing, thread mode included")
        void type() throws NoSuchMethodException {
            TimeoutPolicy policy = TimeoutConfiguration.resolve(ladder(Annotated.class, "onClass"),
                    declared(Annotated.class, "onClass"), reader(Map.of()));
            assertThat(policy.explicit()).isEqualTo(Duration.ofSeconds(4));
            assertThat(policy.mode()).isEqualTo(ThreadMode.SAME);
        }

        @Test
        @DisplayName("the keys apply without an annotation")
        void key() throws NoSuchMethodException {
            TimeoutPolicy policy = TimeoutConfiguration.resolve(ladder(Plain.class, "nothing"),
                    declared(Plain.class, "nothing"), keyed);
            assertThat(policy.explicit()).isEqualTo(Duration.ofSeconds(3));
            assertThat(policy.origin()).isEqualTo("(perf.junit.measurement.timeout=3s)");
            assertThat(policy.mode()).isEqualTo(ThreadMode.SAME);
        }

        @Test
        @DisplayName("by default the timeout is derived and sampling runs on a separate thread")
        void byDefault() throws NoSuchMethodException {
            TimeoutPolicy policy = TimeoutConfiguration.resolve(ladder(Plain.class, "nothing"),
                    declared(Plain.class, "nothing"), reader(Map.of()));
            assertThat(policy.explicit()).isNull();
            assertThat(policy.mode()).isEqualTo(ThreadMode.SEPARATE);
        }
    }
}
