package org.perfjunit.extension;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

import java.lang.reflect.Method;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Arguments handed to the base revision's test method")
class BaseArgumentsTests {

    /** The current revision's enum, as its class loader has it. */
    enum Op { ADD, MULTIPLY { }, NEW_SINCE_BASE }

    /** Stands for the base's separately loaded copy of {@link Op}: another class, constants of the same names. */
    enum BaseOp { ADD, MULTIPLY }

    @SuppressWarnings("unused")
    void baseTest(BaseOp op, int size) {
    }

    private static Method baseMethod() throws NoSuchMethodException {
        return BaseArgumentsTests.class.getDeclaredMethod("baseTest", BaseOp.class, int.class);
    }

    @Test
    @DisplayName("a project enum's constant becomes the base enum's constant of the same name, bodies included")
    void enumsMapByName() throws Exception {
        assertThat(BaseArguments.map(baseMethod(), List.of(Op.MULTIPLY, 64), null)).containsExactly(BaseOp.MULTIPLY, 64);
        assertThat(BaseArguments.map(baseMethod(), List.of(Op.ADD, 8), null)).containsExactly(BaseOp.ADD, 8);
    }

    @Test
    @DisplayName("a constant the base does not have is a clear configuration error")
    void aConstantAddedSinceTheBaseIsAnError() {
        assertThatThrownBy(() -> BaseArguments.map(baseMethod(), List.of(Op.NEW_SINCE_BASE, 8), null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("has no constant [NEW_SINCE_BASE] there");
    }

    @Test
    @DisplayName("another project type still cannot cross to the base")
    void otherProjectTypesAreRefused() throws Exception {
        Method method = BaseArgumentsTests.class.getDeclaredMethod("baseTest", BaseOp.class, int.class);
        assertThatThrownBy(() -> BaseArguments.map(method, List.of(new Object(), 8), null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("cannot pass parameter 1 of [baseTest]");
    }
}
