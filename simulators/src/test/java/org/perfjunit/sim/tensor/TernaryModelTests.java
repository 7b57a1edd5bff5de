package org.perfjunit.sim.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Ternary inference model")
class TernaryModelTests {

    private static final int[] PROMPT = {1, 2, 3, 4};

    @Test
    void theSameSeedGeneratesTheSameTokens() {
        int[] first = TernaryModel.load(TernaryModelSpec.tiny()).newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 24);
        int[] second = TernaryModel.load(TernaryModelSpec.tiny()).newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 24);

        assertThat(second).containsExactly(first);
        assertThat(Arrays.stream(first).distinct().count()).as("a non-degenerate token stream").isGreaterThan(3);
    }

    @Test
    void optimizedAndReferenceKernelsCrossValidateTokenForToken() {
        TernaryModel model = TernaryModel.load(TernaryModelSpec.tiny());

        int[] optimized = model.newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 24);
        int[] reference = model.newSession(TernaryKernel.REFERENCE).generate(PROMPT, 24);

        assertThat(optimized).containsExactly(reference);
    }

    @Test
    void anotherSeedGivesAnotherModel() {
        TernaryModelSpec spec = TernaryModelSpec.tiny();
        TernaryModelSpec reseeded = new TernaryModelSpec(spec.vocabulary(), spec.hidden(), spec.layers(), 8L);

        int[] tokens = TernaryModel.load(spec).newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 24);
        int[] other = TernaryModel.load(reseeded).newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 24);

        assertThat(other).isNotEqualTo(tokens);
    }

    @Test
    void prefillReturnsTheFirstTokenAndNextContinuesTheStream() {
        TernaryModel model = TernaryModel.load(TernaryModelSpec.tiny());
        int[] expected = model.newSession(TernaryKernel.OPTIMIZED).generate(PROMPT, 3);

        TernaryInferenceSession session = model.newSession(TernaryKernel.OPTIMIZED);
        assertThat(new int[] {session.prefill(PROMPT), session.next(), session.next()}).containsExactly(expected);
        assertThat(session.steps()).isEqualTo(PROMPT.length + 2);
    }

    @Test
    void packedWeightsTakeASixteenthOfTheirFloatSize() {
        TernaryModelSpec spec = TernaryModelSpec.small();
        TernaryModel model = TernaryModel.load(spec);
        long embeddingBytes = 4L * spec.vocabulary() * spec.hidden();

        assertThat(model.memoryBytes() - embeddingBytes).isEqualTo((model.denseFloatBytes() - embeddingBytes) / 16);
        assertThat(spec.macsPerToken()).isEqualTo(4L * 512 * 512 + 1024L * 512);
    }

    @Test
    void misuseFailsWithAnExplanation() {
        TernaryInferenceSession session = TernaryModel.load(TernaryModelSpec.tiny()).newSession(TernaryKernel.REFERENCE);

        assertThatThrownBy(session::next).hasMessageContaining("prefill");
        assertThatThrownBy(() -> session.prefill(new int[] {64})).hasMessageContaining("outside vocabulary of 64");
        assertThatThrownBy(() -> new TernaryModelSpec(1, 8, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
