/**
 * Baselines, JUnit-free: the store of committed baseline files, the comparator and the gate that
 * decide a regression (statistical test + practical threshold, Holm correction), and
 * {@link org.perfjunit.baseline.BaselineKeys}, the {@code perf.junit.baseline.*} resolution shared by
 * the tests and the command line.
 *
 * <p>May import: {@code model}, {@code stats}. Not API.
 */
package org.perfjunit.baseline;
