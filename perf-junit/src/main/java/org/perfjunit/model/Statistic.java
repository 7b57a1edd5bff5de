package org.perfjunit.model;

import java.util.Locale;

/**
 * The statistic of a sample distribution that a limit or a baseline comparison is applied to.
 * Configuration values are the lower-case names ({@code median}, {@code p95}, ...).
 */
public enum Statistic {
    MIN, MEDIAN, MEAN, P90, P95, P99, MAX;

    /** The short label used in messages and reports: {@code median}, {@code p95}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
