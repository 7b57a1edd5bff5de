package org.perfjunit.extension;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.perfjunit.settings.PerfSettings;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * When the garbage earlier tests left is collected: once before a measured test builds its data, never
 * between its set-up and its measurement. A full collection relocates every live object; run after the
 * set-up, it would lay the test's own data out afresh (the rows of a {@code double[][]} contiguous and in
 * order) where the code, in any other run, finds it wherever the young collections copied it: measured on
 * this machine, a naive 128x128 matmul read ~10% faster after such a collection than JMH and a plain loop
 * read without one. Collected before the data exists, the data is placed the way the code's own run places it.
 *
 * <p>With JUnit's default lifecycle (a new instance per test) the collection runs before the test's instance
 * is constructed, so field initializers, the constructor and {@code @BeforeEach} methods all allocate
 * after it. With {@code @TestInstance(PER_CLASS)} one instance serves every test of the class; the
 * collection then runs before each test's {@code @BeforeEach} methods, and the instance's fields are
 * compacted with the rest of the heap. A {@code @Nested} test is collected once, before the outermost
 * instance built for it: an enclosing instance with an instance per test is built for each test too, and
 * a second collection before the inner instance would compact the enclosing instance's fields. The collection
 * takes the run-wide measurement lock, so it never lands in another test's measurement.
 */
public final class SetUpCollection {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SetUpCollection.class);
    private static final String COLLECTED_KEY = "collected-before-instances";

    private SetUpCollection() {
    }

    /**
     * Before a test instance is constructed: collects when each test gets an instance of its own, once per
     * test however many enclosing instances are built for it. {@code context} is the test's own context (the
     * extension asks JUnit for it, which JUnit 5.12 and newer honour); where JUnit hands over the class's
     * context instead, there is no test to remember the collection by, and each instance is collected before.
     */
    public static void beforeInstance(ExtensionContext context, Runnable collector) {
        if (lifecycle(context) == TestInstance.Lifecycle.PER_METHOD && wanted(context) && firstForThisTest(context)) {
            collect(context, collector);
        }
    }

    /** Before {@code @BeforeEach} methods: collects when one instance serves the whole class. */
    public static void beforeEach(ExtensionContext context, Runnable collector) {
        if (lifecycle(context) == TestInstance.Lifecycle.PER_CLASS && wanted(context)) {
            collect(context, collector);
        }
    }

    private static void collect(ExtensionContext context, Runnable collector) {
        ReentrantLock lock = MeasuredTest.measurementLock(context);
        lock.lock();
        try {
            collector.run();
        } finally {
            lock.unlock();
        }
    }

    /** Whether no instance was built for this test yet (an enclosing one is built first, and collected before). */
    private static boolean firstForThisTest(ExtensionContext context) {
        if (context.getTestMethod().isEmpty()) {
            return true;
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        AtomicBoolean collected = store.getOrComputeIfAbsent(COLLECTED_KEY, k -> new AtomicBoolean(), AtomicBoolean.class);
        return collected.compareAndSet(false, true);
    }

    private static TestInstance.Lifecycle lifecycle(ExtensionContext context) {
        return context.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD);
    }

    /**
     * Whether the coming test is measured. Before construction JUnit may hand over the class's context,
     * with no method to ask; a class that registers perf-junit for all its tests is then collected for each.
     */
    private static boolean wanted(ExtensionContext context) {
        if (PerfSettings.mode(context) == PerfSettings.Mode.DISABLED) {
            return false;
        }
        return context.getTestMethod().isEmpty() || PerfSettings.measured(context);
    }
}
