package org.perfjunit.examples.photonic;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfjunit.Performance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A composed annotation: one word says "this is a measured photonic benchmark". It is a JUnit
 * {@code @Test}, measured by perf-junit ({@code @Performance}, tag {@code performance}) and tagged
 * {@code photonic}, so {@code mvn test -Dgroups=photonic} runs only these. Limits
 * ({@code @MaxDuration}, {@code @MaxMemory}, ...) stay on the methods, where the numbers are read.
 *
 * <p>Deliberately <b>not</b> meta-annotated with {@code @RequiresHardware("photonic-sim")}: that
 * annotation tags every test {@code hardware}, and {@code -DexcludedGroups=hardware} is meant to
 * leave out tests that need real devices, not the in-process simulator. Real-device tests add
 * {@code @RequiresHardware("lightmatter-envise")} on the method.
 *
 * <p>{@code @Baseline} could be composed in too; the suites put it on the test class instead, so it
 * also covers their parameterized tests, which do not use this annotation. A method's own
 * {@code @Baseline} then only says what differs (it would hide a composed one as a whole).
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@Performance
@Tag("photonic")
public @interface PhotonicBenchmark {
}
