/**
 * The command line ({@link org.perfjunit.cli.PerfJunitCli}): compare two result files, promote a run to
 * baselines, render a report; exits non-zero on a regression. JUnit-free.
 *
 * <p>May import: {@code model}, {@code stats}, {@code baseline}, {@code report}. The main class is API.
 */
package org.perfjunit.cli;
