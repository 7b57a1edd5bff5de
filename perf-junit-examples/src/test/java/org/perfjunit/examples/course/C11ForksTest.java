package org.perfjunit.examples.course;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.perfjunit.MaxDuration;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 11: forks, wrong versus right. Why measure in a fresh JVM?
 *
 * <p>The JIT compiles a method with the <em>profile</em> it collected while the method ran: which
 * classes reached each call site, which branches were taken. {@link #sum} calls {@code inc} on an
 * interface. If only one implementation ever reaches that call, C2 inlines it and the loop becomes a
 * few vector instructions. If three others have been seen there (the call site is <em>megamorphic</em>),
 * C2 compiles a real virtual call on every iteration, and that code stays for the rest of the JVM's
 * life. So in one JVM the time of a test depends on which tests ran before it: a test class, a helper,
 * a library used by another test can make your code slower (or faster) without a line of it changing.
 * This is JMH's sample 12 ("forking"), and the reason JMH forks by default.
 *
 * <p>WRONG: {@code forks = 0} (also perf-junit's default): the measurement runs in the test JVM, after
 * {@link #anotherTestUsesTheSameLoop} has sent three other counter types through the same call site.
 *
 * <p>RIGHT: {@code forks = 2}: the test runs in two fresh JVMs one after another (same {@code java},
 * same class path, just this test selected through the JUnit Platform Launcher), whose samples are
 * pooled; the limits and the verdict are judged here, on the original test. Each JVM sees only this
 * test's counter, as production code that uses one implementation would. Two forks rather than one
 * because one JVM can also be unlucky (a different inlining decision, a different code layout): the
 * pooled samples show it as spread. Forks cost time: on the loaded CI machine this test took 18-36 s,
 * almost all of it starting the two JVMs and perf-junit in them. So fork the tests whose numbers
 * matter, or every performance test with {@code -Dperf.junit.fork=true} on a nightly run; JVM flags of
 * the children come from {@code perf.junit.fork.jvm.args}, their time limit from
 * {@code perf.junit.fork.timeout}.
 *
 * <p>Compare the two tests' lines in the output ({@code [perf-junit] ...C11ForksTest#... median ...}):
 * on the 2-core CI machine the polluted loop measured 4-35x slower than the forked one (a median
 * of 12-126 µs against 3.1-3.6 µs). Limitation: in a forked {@code PerfContext} test, code after
 * {@code perf.measure(...)} runs in the child only.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C11ForksTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class C11ForksTest {

    private static final int N = 10_000;

    /** A field, not {@code new Plus()} in the lambda: there C2 would see the exact type and need no profile. */
    private final Counter counter = new Plus();

    /** A tiny interface with four implementations, like a strategy or a visitor in real code. */
    interface Counter {
        int inc(int x);
    }

    static final class Plus implements Counter {
        @Override
        public int inc(int x) {
            return x + 3;
        }
    }

    static final class Times implements Counter {
        @Override
        public int inc(int x) {
            return x * 7;
        }
    }

    static final class Xor implements Counter {
        @Override
        public int inc(int x) {
            return x ^ 0x5bd1e995;
        }
    }

    static final class Shift implements Counter {
        @Override
        public int inc(int x) {
            return x << 1;
        }
    }

    /** The shared call site: its profile is what the tests below pollute or keep clean. */
    static int sum(Counter counter, int n) {
        int s = 0;
        for (int i = 0; i < n; i++) {
            s += counter.inc(i);
        }
        return s;
    }

    @Test
    @Order(1)
    void anotherTestUsesTheSameLoop() {
        // Stands for any earlier test in this JVM: enough calls for C2 to compile sum() with the profile of
        // three other types. The tests below use Plus, which this profile has never seen: not inlined.
        Counter[] counters = {new Times(), new Xor(), new Shift()};
        long total = 0;
        for (int round = 0; round < 3_000; round++) {
            total += sum(counters[round % 3], N);
        }
        assertThat(total).isNotZero();
    }

    // Measured on the loaded 2-core CI machine: median 12-20 µs in most runs, 110-126 µs in the busiest
    // (a virtual call per element, and the load). The limit is ~4x the highest, a check on this
    // measurement; the forked test's limit (below) is what the clean code deserves, and this one fails it.
    @Test
    @Order(2)
    @Performance(forks = 0, maxTime = "1s")
    @MaxDuration(value = 500, unit = TimeUnit.MICROSECONDS, statistic = Statistic.MEDIAN)
    void wrongMeasuredAfterAnotherTestPollutedTheProfile(PerfContext perf) {
        int s = perf.measure(() -> sum(counter, N));
        assertThat(s).isNotZero();
    }

    // Measured on the same machine: median 3.1-3.6 µs over both fresh JVMs (one type seen: inlined,
    // vectorized). The limit is ~4x that. Most of this test's time is starting the two JVMs. A fresh JVM
    // on a loaded machine compiles late: with the module's 2 s warm-up cap one child in six was still
    // compiling while it measured (INCONCLUSIVE), hence 4 s; warm-up stops earlier once steady.
    @Test
    @Order(3)
    @Performance(forks = 2, maxWarmupTime = "4s", maxTime = "1s")
    @MaxDuration(value = 15, unit = TimeUnit.MICROSECONDS, statistic = Statistic.MEDIAN)
    void rightMeasuredInTwoFreshJvms(PerfContext perf) {
        int s = perf.measure(() -> sum(counter, N));
        assertThat(s).isNotZero();
    }
}
