package org.perfjunit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.engine.ResourceProbe;
import org.perfjunit.engine.Sampler;
import org.perfjunit.engine.TimeSource;

/**
 * A fake clock for EngineTestKit fixtures: time moves by a scripted duration per {@link #invoke()}
 * (cycling through the script), plus 1 ns per read. Registered with {@code @ExtendWith}, it puts a
 * sampler over itself into the extension's test seam and resolves itself as a test parameter.
 */
final class ScriptedClock implements TimeSource, SilentResources {

    private long[] script;
    private long now;
    private int next;

    ScriptedClock(long... script) {
        this.script = script;
    }

    /** One invocation of the fake workload. */
    synchronized void invoke() {
        now += script[next++ % script.length];
    }

    /** From now on invocations take {@code next} in turn (a test body changes the workload between passes). */
    synchronized void rescript(long... next) {
        script = next;
        this.next = 0;
    }

    @Override
    public synchronized long nanoTime() {
        return ++now;
    }

    @Override
    public long currentThreadCpuTime() {
        return -1;
    }

    /** Puts a sampler over {@code clock} into the extension's test seam, for the fixtures below {@code context}. */
    static void sampleWith(ExtensionContext context, TimeSource clock, ResourceProbe resources) {
        context.getStore(ExtensionContext.Namespace.create(PerformanceExtension.class)).put(
                PerformanceExtension.SAMPLER_SEAM_KEY,
                (MeasurementRun.SamplerFactory) listener -> new Sampler(clock, resources, listener));
    }

    /** Base of fixture extensions: subclasses name the script (1, 2, 3, 4 ms for a noisy one). */
    abstract static class Extension implements BeforeAllCallback, ParameterResolver {
        private final long[] script;
        private ScriptedClock clock;

        Extension(long... script) {
            this.script = script;
        }

        /** The script for this run; by default the one given to the constructor. */
        long[] script(ExtensionContext context) {
            return script;
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            clock = new ScriptedClock(script(context));
            sampleWith(context, clock, clock);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return parameterContext.getParameter().getType() == ScriptedClock.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
            return clock;
        }
    }

    /** Invocations take 1, 2, 3, 4, 1, 2, ... ms: coefficient of variation 45%. */
    static final class Noisy extends Extension {
        Noisy() {
            super(1_000_000, 2_000_000, 3_000_000, 4_000_000);
        }
    }
}
