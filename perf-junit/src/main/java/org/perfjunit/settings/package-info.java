/**
 * The only place that reads annotations and {@code perf.junit.*} configuration keys, internal.
 * Precedence is method annotation > class annotation (and enclosing classes, {@code AnnotationLadder})
 * > key > default; every invalid value is an {@code ExtensionConfigurationException} naming the
 * attribute or key, the value and the fix. One immutable {@link org.perfjunit.settings.PerfSettings}
 * per test is resolved before it is measured; every key is listed in {@code ConfigurationKeys}.
 *
 * <p>May import: JUnit (to read annotations and configuration parameters), the public face (the
 * annotations) and the core (the settings records it produces). Imported by {@code extension} and the
 * entry points only. Not API.
 */
package org.perfjunit.settings;
