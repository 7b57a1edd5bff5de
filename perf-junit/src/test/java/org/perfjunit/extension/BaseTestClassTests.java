package org.perfjunit.extension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.perfjunit.PerfContext;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The base test class run by hand, here on classes of this loader (the loader does not matter to it). */
class BaseTestClassTests {

    static final List<String> CALLS = new ArrayList<>();

    static class Parent {
        @BeforeAll
        static void parentBeforeAll() {
            CALLS.add("parentBeforeAll");
        }

        @BeforeEach
        void parentBeforeEach() {
            CALLS.add("parentBeforeEach");
        }

        @AfterEach
        void parentAfterEach() {
            CALLS.add("parentAfterEach");
        }
    }

    static class LifecycleCase extends Parent {
        @BeforeAll
        static void beforeAll() {
            CALLS.add("beforeAll");
        }

        @BeforeEach
        void beforeEach() {
            CALLS.add("beforeEach");
        }

        @AfterEach
        void afterEach() {
            CALLS.add("afterEach");
        }

        @AfterAll
        static void afterAll() {
            CALLS.add("afterAll");
        }

        void measured(PerfContext perf, int size) {
        }
    }

    static class NeedsTestInfoCase {
        @BeforeEach
        void setUp(TestInfo info) {
        }
    }

    static class ConstructorCase {
        ConstructorCase(String name) {
        }
    }

    class InnerCase {
    }

    @Test
    @DisplayName("runs the lifecycle in Jupiter's order: parents' before-methods first, their after-methods last")
    void lifecycleOrder() throws Throwable {
        CALLS.clear();
        try (BaseTestClass base = BaseTestClass.open(LifecycleCase.class, false)) {
            Object first = base.instance();
            base.beforeEach(first);
            base.afterEach(first);
            assertThat(base.instance()).as("a fresh instance per test").isNotSameAs(first);
        }

        assertThat(CALLS).containsExactly("parentBeforeAll", "beforeAll", "parentBeforeEach", "beforeEach", "afterEach",
                "parentAfterEach", "afterAll");
    }

    @Test
    @DisplayName("under PER_CLASS one instance serves every test")
    void perClassSharesTheInstance() throws Throwable {
        try (BaseTestClass base = BaseTestClass.open(LifecycleCase.class, true)) {
            assertThat(base.instance()).isSameAs(base.instance());
        }
    }

    @Test
    @DisplayName("finds the base method by name and parameter type names")
    void findsTheSameMethod() throws Exception {
        Method current = LifecycleCase.class.getDeclaredMethod("measured", PerfContext.class, int.class);

        assertThat(BaseTestClass.sameMethod(LifecycleCase.class, current)).contains(current);
        assertThat(BaseTestClass.sameMethod(Parent.class, current)).isEmpty();
    }

    @Test
    @DisplayName("lifecycle methods with parameters, constructors with parameters and inner classes are configuration errors")
    void unsupportedShapes() {
        assertThatThrownBy(() -> BaseTestClass.open(NeedsTestInfoCase.class, false).beforeEach(new NeedsTestInfoCase()))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: revision A/B runs @BeforeEach [setUp] of the base revision's ["
                        + NeedsTestInfoCase.class.getName() + "] itself and can pass it no parameters; give it none, or drop "
                        + "perf.junit.baseline.revision.");
        assertThatThrownBy(() -> BaseTestClass.open(ConstructorCase.class, false).instance())
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("Configuration error: revision A/B creates the base revision's [" + ConstructorCase.class.getName()
                        + "] itself and needs a constructor without parameters.");
        assertThatThrownBy(() -> BaseTestClass.open(InnerCase.class, false))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("cannot run the @Nested class [" + InnerCase.class.getName() + "]");
    }

    static class Takes {
        void shaped(StringBuilder shape, int size, PerfContext perf) {
        }
    }

    @Test
    @DisplayName("arguments of shared types pass to the base method, the PerfContext becomes the capturing one")
    void mapsArguments() throws Exception {
        Method method = Takes.class.getDeclaredMethod("shaped", StringBuilder.class, int.class, PerfContext.class);
        CapturingPerfContext capturing = new CapturingPerfContext(() -> null);
        StringBuilder shape = new StringBuilder();

        assertThat(BaseArguments.map(method, List.of(shape, 7, new Object()), capturing))
                .containsExactly(shape, 7, capturing);
    }

    @Test
    @DisplayName("an argument the base's parameter type does not accept (a project class, loaded twice) is a configuration error")
    void projectTypedArgument() throws Exception {
        Method method = Takes.class.getDeclaredMethod("shaped", StringBuilder.class, int.class, PerfContext.class);

        assertThatThrownBy(() -> BaseArguments.map(method, List.of("not a builder", 7, new Object()),
                new CapturingPerfContext(() -> null)))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("Configuration error: revision A/B cannot pass parameter 1 of [shaped] to the base "
                        + "revision: its type [java.lang.StringBuilder] does not accept the current [java.lang.String].");
    }

    @Test
    @DisplayName("the capturing context keeps the operation without running it, ends the method there, and refuses a second measure")
    void capturesTheOperation() throws Throwable {
        CapturingPerfContext capturing = new CapturingPerfContext(() -> null);
        int[] calls = {0};

        assertThatThrownBy(() -> capturing.measure(() -> ++calls[0])).isInstanceOf(CapturingPerfContext.Captured.class)
                .isNotInstanceOf(Exception.class);
        assertThat(calls[0]).isZero();
        assertThat(capturing.captured().invoke()).isEqualTo(1);
        assertThatThrownBy(() -> capturing.measure(() -> 0)).isInstanceOf(IllegalStateException.class);
    }
}
