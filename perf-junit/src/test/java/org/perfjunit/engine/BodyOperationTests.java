package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Whole-body operations")
class BodyOperationTests {

    private final Blackhole blackhole = new Blackhole();
    private int calls;

    int add(int a, long b) {
        calls++;
        return (int) (a + b);
    }

    static String greet(String name) {
        return "hello " + name;
    }

    void fails() throws IOException {
        throw new IOException("from the body");
    }

    private static Method method(String name, Class<?>... parameters) throws NoSuchMethodException {
        Method m = BodyOperationTests.class.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return m;
    }

    @Test
    @DisplayName("runs an instance method with its arguments, batch times, in a hidden loop of its own")
    void instanceMethod() throws Throwable {
        BodyOperation body = BodyOperation.of(method("add", int.class, long.class), this, new Object[] {2, 3L});
        body.run(7, blackhole);
        assertThat(calls).isEqualTo(7);
        assertThat(blackhole.last()).isEqualTo(5);
        assertThat(body.invoke()).isEqualTo(5);
        Loop loop = Loops.forBody(body.handle());
        assertThat(loop.getClass().isHidden()).isTrue();
        assertThat(loop.getClass()).isNotEqualTo(BodyLoop.class);
    }

    @Test
    @DisplayName("runs a static method, ignoring the receiver")
    void staticMethod() throws Throwable {
        BodyOperation body = BodyOperation.of(method("greet", String.class), null, new Object[] {"perf"});
        body.run(3, blackhole);
        assertThat(blackhole.last()).isEqualTo("hello perf");
    }

    @Test
    @DisplayName("an exception from the body arrives unchanged, not wrapped in InvocationTargetException")
    void exceptionsUnchanged() throws Throwable {
        BodyOperation body = BodyOperation.of(method("fails"), this, new Object[0]);
        assertThatThrownBy(() -> body.run(2, blackhole)).isExactlyInstanceOf(IOException.class).hasMessage("from the body");
        assertThatThrownBy(body::invoke).isExactlyInstanceOf(IOException.class);
    }

    @Test
    @DisplayName("the original loop class, without class data, calls the handle it is given")
    void originalLoopFallsBack() throws Throwable {
        BodyOperation body = BodyOperation.of(method("greet", String.class), null, new Object[] {"again"});
        new BodyLoop().run(body, 2, blackhole);
        assertThat(blackhole.last()).isEqualTo("hello again");
    }
}
