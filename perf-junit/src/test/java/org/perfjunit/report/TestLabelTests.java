package org.perfjunit.report;

import org.junit.jupiter.api.Test;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.TestResult;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestLabelTests {

    private static TestResult named(String id, String method, String display) {
        return new TestResult(id, "com.example.KernelTests", method, display, List.of(), null, Map.of(), null, List.of(),
                List.of(), Outcome.PASSED, null);
    }

    @Test
    void parameterizedInvocationsAreNamedByTheirDisplayNameSoRowsDiffer() {
        TestResult batch = named("com.example.KernelTests#scales(int, PerfContext)[2] batch 8", "scales", "batch 8");
        TestResult plain = named("com.example.KernelTests#scales(int)[3] [3] 64", "scales", "[3] 64");
        assertThat(TestLabel.isInvocation(batch)).isTrue();
        assertThat(TestLabel.shortName(batch)).isEqualTo("KernelTests.scales batch 8");
        assertThat(TestLabel.isInvocation(plain)).isTrue();
        assertThat(TestLabel.isInvocation(named("com.example.KernelTests#scales(int)[4]", "scales", "[4] 4"))).isTrue();
    }

    @Test
    void aPlainTestIsNotAnInvocation() {
        TestResult test = named("com.example.KernelTests#matmul()", "matmul", "matmul()");
        assertThat(TestLabel.isInvocation(test)).isFalse();
        assertThat(TestLabel.shortName(test)).isEqualTo("KernelTests.matmul");
    }
}
