/**
 * Statistics, JUnit-free, on commons-math3: summaries, confidence intervals, block bootstrap, rank
 * tests, the noise gate's assessment and the complexity fit.
 *
 * <p>May import: {@code model}. Not API.
 */
package org.perfjunit.stats;
