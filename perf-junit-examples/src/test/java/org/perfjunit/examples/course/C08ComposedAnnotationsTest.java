package org.perfjunit.examples.course;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.perfjunit.MaxDuration;
import org.perfjunit.PerfContext;
import org.perfjunit.Performance;
import org.perfjunit.model.Statistic;
import org.perfjunit.examples.photonic.PhotonicBenchmark;
import org.perfjunit.sim.photonic.Network;
import org.perfjunit.sim.photonic.PhotonicCompiler;
import org.perfjunit.sim.photonic.TargetConfig;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lesson 8: composed annotations. perf-junit's annotations work as meta-annotations, so a team
 * writes its house rules once. {@link PhotonicBenchmark} (in the photonic suite) is
 * {@code @Test @Performance @Tag("photonic")}; below, {@code @QuickCompileCheck} adds a measuring
 * budget and a latency limit on top of it. Tags from meta-annotations count for {@code -Dgroups}:
 * {@code mvn test -Dgroups=photonic} runs both tests. Attributes on the method still win over the
 * composed annotation (method &gt; meta-annotation &gt; configuration key &gt; default).
 * Read {@link PhotonicBenchmark}'s Javadoc for why it does not carry {@code @RequiresHardware}.
 *
 * <p>Run: {@code mvn -B -pl perf-junit-examples -am test -Dtest=C08ComposedAnnotationsTest -Dsurefire.failIfNoSpecifiedTests=false}
 */
class C08ComposedAnnotationsTest {

    /** A project's own composed annotation: a quick photonic check with a 1 s p95 budget. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @PhotonicBenchmark
    @Performance(iterations = 10, maxTime = "2s")
    @MaxDuration(value = 1, unit = TimeUnit.SECONDS, statistic = Statistic.P95)
    @Tag("quick")
    @interface QuickCompileCheck {
    }

    @PhotonicBenchmark
    void compilesOneTileWithTheComposedAnnotation(PerfContext perf) {
        var compiled = perf.measure(() -> new PhotonicCompiler(TargetConfig.defaults()).compile(Network.mlp(2, 64, 64)));
        assertThat(compiled.tileCount()).isEqualTo(1);
    }

    @QuickCompileCheck
    void compilesFourTilesWithinTheHouseBudget(PerfContext perf) {
        var compiled = perf.measure(() -> new PhotonicCompiler(TargetConfig.defaults()).compile(Network.mlp(3, 128, 128)));
        assertThat(compiled.tileCount()).isEqualTo(4);
    }
}
