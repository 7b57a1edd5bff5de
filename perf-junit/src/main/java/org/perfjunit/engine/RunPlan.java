package org.perfjunit.engine;

import org.perfjunit.verdict.Limit;
import org.perfjunit.verdict.NoisePolicy;

import java.util.List;

/**
 * Everything one test's measurement needs, resolved before it starts.
 *
 * @param identity   who the test is, for the result record
 * @param sampler    how to sample
 * @param limits     the declared limits, judged after sampling
 * @param noise      the noise gate and its reaction
 * @param targetRate invocations per second of a paced load, or NaN for unpaced sampling
 * @param timeout    the measurement timeout and thread
 */
public record RunPlan(Identity identity, SamplerSettings sampler, List<Limit> limits, NoisePolicy noise,
                      double targetRate, TimeoutPolicy timeout) {

    public RunPlan {
        limits = List.copyOf(limits);
    }

    /** Who the test is, for the result record. */
    public record Identity(String id, String className, String methodName, String displayName, List<String> tags) {
    }
}
