/**
 * The measurement engine, JUnit-free: {@link org.perfjunit.engine.MeasurementRun} built complete from a
 * {@link org.perfjunit.engine.RunPlan}, the {@link org.perfjunit.engine.Sampler} (warm-up, calibrated
 * batches, adaptive samples), paced load, concurrent rounds, the watchdog, the blackhole and the
 * per-target batch loops, JVM probes. In: an {@link org.perfjunit.engine.Operation} (the engine's own
 * functional type) and a plan; out: a judged {@code model.TestResult}.
 *
 * <p>May import: {@code model}, {@code stats}, {@code machine} (energy meters) and {@code verdict}
 * (limits are judged right after sampling, to decide a re-measure). Never JUnit, the public face,
 * {@code settings} or {@code extension}. Not API.
 */
package org.perfjunit.engine;
