/**
 * JUnit lifecycle glue, internal: one performance test in one pass, settings → measure → judge →
 * gate against the baseline → publish ({@link org.perfjunit.extension.MeasuredTest}), with its steps
 * ({@code BaselineStep}, {@code ForkedMeasurement}, {@code ResultPublisher}, {@code NoiseReaction},
 * {@code ScalingRecorder}), the {@code PerfContext} implementation, the forked child's main
 * ({@link org.perfjunit.extension.ForkedTestMain}) and the launcher listener that writes the reports
 * ({@link org.perfjunit.extension.PerfReportListener}).
 *
 * <p>May import: JUnit, the public face, {@code settings} and the whole core. Imported only by the
 * entry points in {@code org.perfjunit}. Not API.
 */
package org.perfjunit.extension;
