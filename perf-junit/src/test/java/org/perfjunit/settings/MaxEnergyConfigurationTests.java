package org.perfjunit.settings;

import org.perfjunit.MaxEnergy;
import org.perfjunit.EnergyUnit;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MaxEnergyConfigurationTests {

    @Test
    void convertsTheLimitToJoules() throws NoSuchMethodException {
        assertThat(MaxEnergyConfiguration.limitJoules(annotation("fiveMillijoules"), method("fiveMillijoules")))
                .isCloseTo(0.005, within(1e-15));
        assertThat(MaxEnergyConfiguration.limitJoules(annotation("twoJoules"), method("twoJoules"))).isEqualTo(2.0);
        assertThat(EnergyUnit.PICOJOULES.toJoules(3)).isCloseTo(3e-12, within(1e-24));
    }

    @Test
    void rejectsANonPositiveValueNamingTheMethodAndTheFix() throws NoSuchMethodException {
        assertThatThrownBy(() -> MaxEnergyConfiguration.limitJoules(annotation("negative"), method("negative")))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: @MaxEnergy on [negative()] must declare a positive, finite 'value',"
                        + " was [-1.0]; e.g. @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES).");
    }

    @Test
    void rejectsInfinity() {
        assertThatThrownBy(() -> MaxEnergyConfiguration.limitJoules(annotation("infinite"), method("infinite")))
                .hasMessageContaining("was [Infinity]");
    }

    @Test
    void tagsTestsEnergyAndPerformance() throws NoSuchMethodException {
        // performance too, since @MaxEnergy implies @Performance like @MaxDuration does
        assertThat(AnnotationSupport.findRepeatableAnnotations(method("twoJoules"), Tag.class))
                .extracting(Tag::value).containsExactly("performance", "energy");
    }

    private static MaxEnergy annotation(String name) throws NoSuchMethodException {
        return AnnotationSupport.findAnnotation(method(name), MaxEnergy.class).orElseThrow();
    }

    private static Method method(String name) throws NoSuchMethodException {
        return LimitsTestCase.class.getDeclaredMethod(name);
    }

    static class LimitsTestCase {
        @MaxEnergy(value = 5, unit = EnergyUnit.MILLIJOULES)
        void fiveMillijoules() {
        }

        @MaxEnergy(2)
        void twoJoules() {
        }

        @MaxEnergy(-1)
        void negative() {
        }

        @MaxEnergy(Double.POSITIVE_INFINITY)
        void infinite() {
        }
    }
}
