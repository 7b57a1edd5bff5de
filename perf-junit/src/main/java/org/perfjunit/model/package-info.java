/**
 * The records and the JSON schema every layer shares, JUnit-free: {@link org.perfjunit.model.TestResult}
 * (one record of {@code perf-results.json}), {@link org.perfjunit.model.Metric},
 * {@link org.perfjunit.model.Summary}, the vocabulary enums {@link org.perfjunit.model.Statistic},
 * {@link org.perfjunit.model.Direction}, {@link org.perfjunit.model.Complexity}, the environment, unit
 * formatting and atomic file writes. API where {@code PerfResult} returns it.
 *
 * <p>May import: nothing of perf-junit.
 */
package org.perfjunit.model;
