package org.perfjunit.examples.tensor;

import org.perfjunit.sim.tensor.GemmKernel;

import java.util.ArrayList;
import java.util.List;

/**
 * GEMM kernels (and their thread pools) that stay open until the test is over, closed from
 * {@code @AfterEach}. A try-with-resources block inside the test method would close the pool too
 * early: when a baseline verdict is INCONCLUSIVE, perf-junit measures the operation once more after
 * the method has returned, and a closed pool rejects the work.
 */
final class OpenKernels implements AutoCloseable {

    private final List<GemmKernel> open = new ArrayList<>();

    /** Keeps {@code kernel} open until {@link #close()}. */
    GemmKernel open(GemmKernel kernel) {
        open.add(kernel);
        return kernel;
    }

    @Override
    public void close() {
        open.forEach(GemmKernel::close);
        open.clear();
    }
}
