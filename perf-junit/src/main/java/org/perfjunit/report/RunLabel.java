package org.perfjunit.report;

import org.perfjunit.model.RunResults;

/** The run id every report file carries, so files of different runs are told apart (and never mixed by a reader). */
final class RunLabel {

    private RunLabel() {
    }

    /** {@code run}'s id, reduced to {@code [A-Za-z0-9._:-]} so it is safe in HTML, Markdown comments and JSON alike. */
    static String of(RunResults run) {
        String id = run.runId() == null || run.runId().isBlank() ? "unknown" : run.runId();
        return id.replaceAll("[^A-Za-z0-9._:-]", "_");
    }
}
