package org.perfjunit;

/**
 * AssertJ entry point for programmatic checks of a measured result:
 * <pre>{@code
 * PerfResult r = perf.result();
 * PerfAssertions.assertThat(r).hasMedianBelow(Duration.ofMillis(100)).allocatesAtMost(1_024);
 * }</pre>
 */
public final class PerfAssertions {

    private PerfAssertions() {
    }

    /** Starts assertions on {@code actual}. */
    public static PerfResultAssert assertThat(PerfResult actual) {
        return new PerfResultAssert(actual);
    }
}
