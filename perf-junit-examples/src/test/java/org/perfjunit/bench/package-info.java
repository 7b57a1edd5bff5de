/**
 * Benchmarks of perf-junit itself and of the simulators (JMH). Not tests: Surefire ignores them.
 * Run with the {@code bench} profile, e.g.
 * {@code mvn -B -Pbench -pl perf-junit-examples -am test-compile exec:exec -Dbench.args="GemmBenchmark"}.
 */
package org.perfjunit.bench;
