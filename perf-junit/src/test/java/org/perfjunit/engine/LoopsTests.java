package org.perfjunit.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Batch loops over the engine's own functional types")
class LoopsTests {

    private final Blackhole blackhole = new Blackhole();

    @Test
    @DisplayName("each target class gets a loop of its own, defined as a hidden class")
    void oneLoopPerTargetClass() {
        Operation a = () -> "a";
        Operation b = () -> "b";
        Loop loopA = Loops.ENGINE.forTarget(a);
        assertThat(Loops.ENGINE.forTarget(a)).isSameAs(loopA);
        assertThat(Loops.ENGINE.forTarget(b)).isNotSameAs(loopA);
        assertThat(loopA.getClass().isHidden()).isTrue();
        assertThat(loopA.getClass()).isNotEqualTo(TargetLoop.class);
    }

    @Test
    @DisplayName("every kind of target runs the batch and keeps its last result")
    void everyKindRunsTheBatch() throws Throwable {
        int[] count = {0};
        ((Operation) () -> "call " + ++count[0]).run(5, blackhole);
        assertThat(blackhole.last()).isEqualTo("call 5");
        Operation.of((Operation.OfDouble) () -> ++count[0] / 2.0).run(4, blackhole);
        assertThat(blackhole.last()).isEqualTo(4.5);
        Operation.of((Operation.OfLong) () -> ++count[0]).run(3, blackhole);
        assertThat(blackhole.last()).isEqualTo(12L);
        Operation plain = () -> ++count[0];
        plain.run(1, blackhole);
        assertThat(blackhole.last()).isEqualTo(13);
        assertThat(count[0]).isEqualTo(13);
    }

    @Test
    @DisplayName("boxed primitives are kept by value and boxed again with their type")
    void boxesKeepTheirType() throws Throwable {
        ((Operation) () -> 1.5f).run(2, blackhole);
        assertThat(blackhole.last()).isEqualTo(1.5f);
        ((Operation) () -> 7).run(2, blackhole);
        assertThat(blackhole.last()).isEqualTo(7);
        ((Operation) () -> null).run(2, blackhole);
        assertThat(blackhole.last()).isNull();
    }

    @Test
    @DisplayName("an exception leaves the loop unchanged")
    void exceptionsPropagate() {
        IllegalStateException boom = new IllegalStateException("boom");
        Operation failing = () -> {
            throw boom;
        };
        assertThatThrownBy(() -> failing.run(3, blackhole)).isSameAs(boom);
    }
}
