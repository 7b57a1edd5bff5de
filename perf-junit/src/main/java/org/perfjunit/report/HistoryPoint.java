package org.perfjunit.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.perfjunit.model.Metric;
import org.perfjunit.model.MetricNames;
import org.perfjunit.model.Outcome;
import org.perfjunit.model.TestResult;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * One test in one history line. Short keys keep a line of 500 tests near 50 KB; absent metrics
 * are omitted.
 *
 * @param outcome    {@code o}: how the test ended
 * @param median     {@code t}: median time per operation, ns
 * @param p95        {@code p}: 95th percentile time per operation, ns
 * @param throughput {@code x}: operations per second
 * @param allocated  {@code a}: bytes allocated per operation
 * @param energy     {@code e}: energy per operation, J
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryPoint(@JsonProperty("o") Outcome outcome, @JsonProperty("t") Double median,
                           @JsonProperty("p") Double p95, @JsonProperty("x") Double throughput,
                           @JsonProperty("a") Double allocated, @JsonProperty("e") Double energy) {

    /** The compact summary of {@code t}. */
    public static HistoryPoint of(TestResult t) {
        Metric time = t.metric(MetricNames.TIME);
        return new HistoryPoint(t.outcome(), time == null ? null : round(time.value()),
                time == null || time.summary() == null ? null : round(time.summary().p95()),
                value(t, MetricNames.THROUGHPUT), value(t, MetricNames.ALLOCATED), value(t, MetricNames.ENERGY));
    }

    private static Double value(TestResult t, String name) {
        Metric m = t.metric(name);
        return m == null ? null : round(m.value());
    }

    /** Six significant digits: far below measurement noise, and half the bytes. */
    static Double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return Double.isFinite(v) ? v : null;
        }
        return new BigDecimal(v).round(new MathContext(6)).doubleValue();
    }
}
