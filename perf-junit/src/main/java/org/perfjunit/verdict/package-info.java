/**
 * Where a limit is judged, JUnit-free: one measurement against its declared {@link org.perfjunit.verdict.Limit}s
 * ({@link org.perfjunit.verdict.LimitChecker}) and the noise gate ({@link org.perfjunit.verdict.NoiseVerdict},
 * {@link org.perfjunit.verdict.NoisePolicy}). "Verdict" means this and nothing else.
 *
 * <p>May import: {@code model}, {@code stats}. Not API.
 */
package org.perfjunit.verdict;
