package org.perfjunit.baseline;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The content of one baseline file, {@code <dir>/<environment-key>/<fully.qualified.TestClass>.json}:
 * the entries of one test class on one kind of machine, keyed by stable test id.
 *
 * @param schemaVersion  {@link #SCHEMA_VERSION} when written by this version; newer files are rejected
 * @param testClass      fully qualified test class
 * @param environmentKey the environment key (folder name)
 * @param entries        entries by test id, sorted so the file diffs well
 */
public record BaselineFile(int schemaVersion, String testClass, String environmentKey,
                           Map<String, BaselineEntry> entries) {

    /** Schema version written by this perf-junit. */
    public static final int SCHEMA_VERSION = 1;

    public BaselineFile {
        entries = entries == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    /** An empty file for {@code testClass}. */
    public static BaselineFile empty(String testClass, String environmentKey) {
        return new BaselineFile(SCHEMA_VERSION, testClass, environmentKey, Map.of());
    }

    /** A copy with {@code entry} added or replaced. */
    public BaselineFile with(BaselineEntry entry) {
        Map<String, BaselineEntry> copy = new TreeMap<>(entries);
        copy.put(entry.id(), entry);
        return new BaselineFile(SCHEMA_VERSION, testClass, environmentKey, copy);
    }
}
