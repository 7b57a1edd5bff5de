package org.perfjunit.baseline;

import org.perfjunit.model.Comparison;
import org.perfjunit.model.Level;
import org.perfjunit.model.TestResult;

import java.util.List;

/**
 * What {@link BaselineGate} decided for one test.
 *
 * @param result         the measurement that was judged: the re-measured one when {@code remeasured}
 * @param comparisons    one comparison per compared metric (empty in mode {@code off})
 * @param failed         whether the test must fail
 * @param failureMessage the failure message when {@code failed}, else null
 * @param remeasured     whether an INCONCLUSIVE first verdict triggered the one re-measure
 * @param note           information that is not a verdict (a baseline from another machine), or null
 */
public record GateResult(TestResult result, List<Comparison> comparisons, boolean failed, String failureMessage,
                         boolean remeasured, String note) {

    public GateResult {
        comparisons = List.copyOf(comparisons);
    }

    /** Whether no comparison is INCONCLUSIVE: more samples would not change the verdict's kind. */
    public boolean decided() {
        return comparisons.stream().noneMatch(c -> c.level() == Level.INCONCLUSIVE);
    }
}
