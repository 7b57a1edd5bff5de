package org.perfjunit.examples.photonic;

import static org.assertj.core.api.Assertions.assertThat;

import org.perfjunit.model.Direction;
import org.perfjunit.PerfContext;

/**
 * How a suite records a reference target the product misses today, so the miss is neither hidden
 * (a loosened limit) nor passing by omission (a metric nobody asserts): pytest's {@code xfail(strict=True)}.
 *
 * <p>{@link #lowerIsBetter} reports the value as a metric and prints {@code KNOWN MISS ...} in the
 * test output, then asserts that the target is <em>still</em> missed. The test stays green while the
 * known miss is the state of the product, and fails the day the model meets the target, with a
 * message to turn the known miss back into an ordinary assertion. Each use names the issue that
 * tracks it; perf-junit-examples/README.md lists all of them.
 */
public final class KnownMiss {

    private KnownMiss() {
    }

    /**
     * Records that {@code value} misses the target {@code value < target}.
     *
     * @param perf   the test's context (the value becomes the metric {@code name})
     * @param name   metric name, with its unit, e.g. {@code "optical_loss_db"}
     * @param value  the measured or modelled value
     * @param unit   unit of the value
     * @param target the reference document's target: the product should reach {@code value < target}
     * @param why    why it is missed and where that is tracked
     */
    public static void lowerIsBetter(PerfContext perf, String name, double value, String unit, double target, String why) {
        perf.metric(name, value, unit, Direction.LOWER_IS_BETTER);
        System.out.printf("KNOWN MISS %s = %.4g %s, target < %.4g %s: %s%n", name, value, unit, target, unit, why);
        assertThat(value).as("%s now meets its target (< %s %s): the known miss is fixed, replace KnownMiss"
                + " with assertThat(%s).isLessThan(%s)", name, target, unit, name, target).isGreaterThanOrEqualTo(target);
    }

    /**
     * Records that {@code value} misses the target {@code value > target}.
     *
     * @param perf   the test's context (the value becomes the metric {@code name})
     * @param name   metric name, with its unit
     * @param value  the measured or modelled value
     * @param unit   unit of the value
     * @param target the reference document's target: the product should reach {@code value > target}
     * @param why    why it is missed and where that is tracked
     */
    public static void higherIsBetter(PerfContext perf, String name, double value, String unit, double target, String why) {
        perf.metric(name, value, unit, Direction.HIGHER_IS_BETTER);
        System.out.printf("KNOWN MISS %s = %.4g %s, target > %.4g %s: %s%n", name, value, unit, target, unit, why);
        assertThat(value).as("%s now meets its target (> %s %s): the known miss is fixed, replace KnownMiss"
                + " with assertThat(%s).isGreaterThan(%s)", name, target, unit, name, target).isLessThanOrEqualTo(target);
    }
}
