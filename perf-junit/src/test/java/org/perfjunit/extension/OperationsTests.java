package org.perfjunit.extension;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.perfjunit.PerfContext;
import org.perfjunit.engine.Blackhole;
import org.perfjunit.engine.Loop;
import org.perfjunit.engine.Operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Batch loops over PerfContext's JUnit-typed lambdas")
class OperationsTests {

    private final Blackhole blackhole = new Blackhole();

    @Test
    @DisplayName("each target class gets a loop of its own, defined as a hidden class")
    void oneLoopPerTargetClass() {
        ThrowingSupplier<Object> a = () -> "a";
        ThrowingSupplier<Object> b = () -> "b";
        Loop loopA = Operations.LOOPS.forTarget(a);
        assertThat(Operations.LOOPS.forTarget(a)).isSameAs(loopA);
        assertThat(Operations.LOOPS.forTarget(b)).isNotSameAs(loopA);
        assertThat(loopA.getClass().isHidden()).isTrue();
        assertThat(loopA.getClass()).isNotEqualTo(JUnitTargetLoop.class);
    }

    @Test
    @DisplayName("every kind of target runs the batch and keeps its last result")
    void everyKindRunsTheBatch() throws Throwable {
        int[] count = {0};
        Operations.of((ThrowingSupplier<Object>) () -> "call " + ++count[0]).run(5, blackhole);
        assertThat(blackhole.last()).isEqualTo("call 5");
        Operations.of((PerfContext.DoubleOperation) () -> ++count[0] / 2.0).run(4, blackhole);
        assertThat(blackhole.last()).isEqualTo(4.5);
        Operations.of((PerfContext.LongOperation) () -> ++count[0]).run(3, blackhole);
        assertThat(blackhole.last()).isEqualTo(12L);
        Operations.of((Executable) () -> count[0]++).run(2, blackhole);
        assertThat(blackhole.last()).isNull();
        Operation plain = () -> ++count[0];
        plain.run(1, blackhole);
        assertThat(blackhole.last()).isEqualTo(15);
        assertThat(count[0]).isEqualTo(15);
    }

    @Test
    @DisplayName("boxed primitives are kept by value and boxed again with their type")
    void boxesKeepTheirType() throws Throwable {
        Operations.of((ThrowingSupplier<Object>) () -> 1.5f).run(2, blackhole);
        assertThat(blackhole.last()).isEqualTo(1.5f);
        Operations.of((ThrowingSupplier<Object>) () -> 7).run(2, blackhole);
        assertThat(blackhole.last()).isEqualTo(7);
        Operations.of((ThrowingSupplier<Object>) () -> null).run(2, blackhole);
        assertThat(blackhole.last()).isNull();
    }

    @Test
    @DisplayName("an exception leaves the loop unchanged")
    void exceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");
        Operation failing = Operations.of((ThrowingSupplier<Object>) () -> {
            throw boom;
        });
        assertThatThrownBy(() -> failing.run(3, blackhole)).isSameAs(boom);
    }
}
