package org.perfjunit;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.perfjunit.engine.GarbageCollection;
import org.perfjunit.engine.MeasurementRun;
import org.perfjunit.engine.MeasurementWatchdog;
import org.perfjunit.engine.Sampler;
import org.perfjunit.extension.MeasuredTest;
import org.perfjunit.extension.SetUpCollection;

import java.lang.reflect.Method;

/**
 * Adapts JUnit's lifecycle to the measurement engine; a thin entry point that hands each test to
 * {@link MeasuredTest}. Registered by {@link Performance} and the limit annotations. For a test
 * without a {@link PerfContext} parameter it invokes the test method repeatedly (warm-up and samples,
 * after {@code @BeforeEach}) and skips JUnit's own single call; with one, it lets the test run once and
 * the test calls {@link PerfContext#measure}.
 *
 * <p>Under JUnit parallel execution a performance test runs alone: {@link Performance}, {@link Baseline}
 * and the limit annotations are meta-annotated with JUnit's global read-write lock
 * ({@code @ResourceLock(value = Resources.GLOBAL, mode = READ_WRITE)}, what {@code @Isolated} uses), so no
 * other test's threads allocate or compute while it measures. The extension also serializes measurements
 * with a lock kept in the root store (forked measurements and {@link PerfContext} calls take it too). The sampling itself runs under a
 * {@link MeasurementWatchdog} ({@link Performance#timeout()}), which stops a hung invocation.
 *
 * <p>The garbage earlier tests left is collected before the test builds its data ({@link SetUpCollection}):
 * before its instance is constructed, or before {@code @BeforeEach} when one instance serves the class.
 *
 * <p>The baseline a verdict records or updates is written after the test's {@code @AfterEach} methods, and
 * only if nothing failed the test ({@link ExtensionContext#getExecutionException()}).
 */
final class PerformanceExtension implements TestInstancePreConstructCallback, BeforeEachCallback, InvocationInterceptor,
        ParameterResolver, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(PerformanceExtension.class);
    /** Store key (this namespace, any ancestor context) of a {@link MeasurementRun.SamplerFactory}; a test seam. */
    static final String SAMPLER_SEAM_KEY = "sampler-seam";
    /** Store key (this namespace, any ancestor context) of the {@link Runnable} that collects garbage; a test seam. */
    static final String COLLECTOR_SEAM_KEY = "collector-seam";

    /**
     * The test's own context while its instances are built (JUnit's class context is the default): the collection
     * before them is then made once per test, also when enclosing {@code @Nested} instances are built for it.
     */
    @Override
    public ExtensionContextScope getTestInstantiationExtensionContextScope(ExtensionContext rootContext) {
        return ExtensionContextScope.TEST_METHOD;
    }

    @Override
    public void preConstructTestInstance(TestInstanceFactoryContext factoryContext, ExtensionContext context) {
        SetUpCollection.beforeInstance(context, collector(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        SetUpCollection.beforeEach(context, collector(context));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == PerfContext.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        if (!(parameterContext.getDeclaringExecutable() instanceof Method) || context.getTestMethod().isEmpty()) {
            throw new ParameterResolutionException("PerfContext can only be injected into a test method, not into "
                    + parameterContext.getDeclaringExecutable().getName());
        }
        return MeasuredTest.of(context, samplers(context)).perfContext();
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext context) throws Throwable {
        MeasuredTest.intercept(invocation, invocationContext, context, samplers(context), false);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        MeasuredTest.intercept(invocation, invocationContext, context, samplers(context), true);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
                                            ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext context) throws Throwable {
        if (!MeasuredTest.measured(context)) {
            // e.g. a @TestFactory in a class whose @Baseline configures its performance tests
            return invocation.proceed();
        }
        invocation.skip();
        throw new ExtensionConfigurationException("Configuration error: @TestFactory [" + context.getRequiredTestMethod().getName()
                + "()] cannot be a performance test: dynamic tests have no stable identity to measure and baseline. "
                + "Use @ParameterizedTest instead.");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        MeasuredTest.afterEach(context);
    }

    /** What collects garbage: the JVM's collector, or a fake a test put under {@link #COLLECTOR_SEAM_KEY}. */
    private static Runnable collector(ExtensionContext context) {
        Runnable seam = context.getStore(NAMESPACE).get(COLLECTOR_SEAM_KEY, Runnable.class);
        // a lambda, not GarbageCollection.onJvm()::collectKeepingHeap: the JVM's options are looked up only to collect
        return seam != null ? seam : () -> GarbageCollection.onJvm().collectKeepingHeap();
    }

    /** Where samplers come from: the JVM's clocks, or a fake a test put under {@link #SAMPLER_SEAM_KEY}. */
    private static MeasurementRun.SamplerFactory samplers(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrDefault(SAMPLER_SEAM_KEY, MeasurementRun.SamplerFactory.class,
                Sampler::onJvm);
    }
}
