/**
 * Where files are written, JUnit-free: per-test result files, the run's {@code perf-results.json},
 * Markdown and HTML reports, history and interop exports, written atomically and merged across forked JVMs.
 * The launcher listener that drives it lives in {@code extension}.
 *
 * <p>May import: {@code model}, {@code stats}. Not API.
 */
package org.perfjunit.report;
