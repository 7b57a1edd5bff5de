/**
 * perf-junit: performance under test inside plain JUnit 5. This package is the public face and
 * nothing else: the annotations ({@link org.perfjunit.Performance}, {@link org.perfjunit.MaxDuration},
 * {@link org.perfjunit.MaxMemory}, {@link org.perfjunit.MinThroughput}, {@link org.perfjunit.MaxEnergy},
 * {@link org.perfjunit.Baseline}, {@link org.perfjunit.ExpectComplexity},
 * {@link org.perfjunit.RequiresHardware}) with their attribute enums, {@link org.perfjunit.PerfContext},
 * {@link org.perfjunit.PerfResult} and the AssertJ entry point {@link org.perfjunit.PerfAssertions}
 * with its assertion classes.
 *
 * <p>Two package-private entry points sit here because the annotations name them in
 * {@code @ExtendWith}: {@code PerformanceExtension} and {@code RequiresHardwareCondition}, thin
 * adapters that hand the work to {@link org.perfjunit.extension}.
 *
 * <p>May import: {@code model} (the vocabulary its annotations and results use) and {@code stats} (the
 * assertions' intervals, e.g. {@link org.perfjunit.TimeRatioAssert}). The entry points may
 * import every package below them. Nothing below imports this package except {@code settings} (which
 * reads the annotations) and {@code extension} (which implements {@link org.perfjunit.PerfContext}).
 */
package org.perfjunit;
