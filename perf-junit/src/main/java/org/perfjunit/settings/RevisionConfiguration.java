package org.perfjunit.settings;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.Optional;

/**
 * Reads the revision A/B key: the git ref whose build is the reference of every {@code @Baseline} test.
 *
 * <pre>{@code mvn test -Dperf.junit.baseline.revision=origin/main}</pre>
 */
public final class RevisionConfiguration {

    /**
     * The base revision, a git ref ({@code origin/main}, {@code HEAD~1}, a commit id); unset means stored
     * baselines. Property name: {@value}.
     */
    public static final String REVISION_PROPERTY_NAME = "perf.junit.baseline.revision";

    private RevisionConfiguration() {
    }

    /** The configured base revision, if any. */
    public static Optional<String> ref(ExtensionContext context) {
        return context.getConfigurationParameter(REVISION_PROPERTY_NAME).map(String::strip).filter(s -> !s.isEmpty());
    }
}
