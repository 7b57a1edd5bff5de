package org.perfjunit.extension;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.util.ExceptionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The base revision's copy of a test class, run by hand the way Jupiter runs the current one: a new
 * instance per test (one per class under {@code PER_CLASS}), {@code @BeforeAll} when opened,
 * {@code @BeforeEach}/{@code @AfterEach} around each test and {@code @AfterAll} when closed with the
 * class's context. Lifecycle methods and constructors must take no parameters; other extensions
 * (e.g. {@code @TempDir} fields) do not run on the base instance.
 */
final class BaseTestClass implements AutoCloseable {

    private final Class<?> type;
    private final Object sharedInstance;

    private BaseTestClass(Class<?> type, Object sharedInstance) {
        this.type = type;
        this.sharedInstance = sharedInstance;
    }

    /** Opens the base class: instantiates it under {@code PER_CLASS} and runs its {@code @BeforeAll} methods. */
    static BaseTestClass open(Class<?> type, boolean perClass) throws Throwable {
        if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
            throw new ExtensionConfigurationException("Configuration error: revision A/B cannot run the @Nested class ["
                    + type.getName() + "] at the base revision; move the performance test to a top-level or static class.");
        }
        Object shared = perClass ? instantiate(type) : null;
        invokeAll(type, BeforeAll.class, HierarchyTraversalMode.TOP_DOWN, shared);
        return new BaseTestClass(type, shared);
    }

    /** The instance a test runs on: the shared one, or a fresh one per test. */
    Object instance() throws Throwable {
        return sharedInstance != null ? sharedInstance : instantiate(type);
    }

    void beforeEach(Object instance) throws Throwable {
        invokeAll(type, BeforeEach.class, HierarchyTraversalMode.TOP_DOWN, instance);
    }

    void afterEach(Object instance) throws Throwable {
        invokeAll(type, AfterEach.class, HierarchyTraversalMode.BOTTOM_UP, instance);
    }

    /** Runs the {@code @AfterAll} methods. */
    @Override
    public void close() {
        try {
            invokeAll(type, AfterAll.class, HierarchyTraversalMode.BOTTOM_UP, sharedInstance);
        } catch (Throwable t) {
            throw ExceptionUtils.throwAsUncheckedException(t);
        }
    }

    /** The base's method with the current test method's name and parameter type names, if the base has it. */
    static Optional<Method> sameMethod(Class<?> baseType, Method current) {
        List<String> names = Arrays.stream(current.getParameterTypes()).map(Class::getTypeName).toList();
        for (Class<?> c = baseType; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(current.getName())
                        && Arrays.stream(m.getParameterTypes()).map(Class::getTypeName).toList().equals(names)) {
                    m.setAccessible(true);
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    private static Object instantiate(Class<?> type) throws Throwable {
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("Configuration error: revision A/B creates the base revision's ["
                    + type.getName() + "] itself and needs a constructor without parameters.");
        }
        constructor.setAccessible(true);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void invokeAll(Class<?> type, Class<? extends Annotation> annotation, HierarchyTraversalMode order,
                                  Object instance) throws Throwable {
        for (Method m : AnnotationSupport.findAnnotatedMethods(type, annotation, order)) {
            if (m.getParameterCount() > 0) {
                throw new ExtensionConfigurationException("Configuration error: revision A/B runs @"
                        + annotation.getSimpleName() + " [" + m.getName() + "] of the base revision's [" + type.getName()
                        + "] itself and can pass it no parameters; give it none, or drop perf.junit.baseline.revision.");
            }
            boolean isStatic = Modifier.isStatic(m.getModifiers());
            if (!isStatic && instance == null) {
                continue; // an instance @BeforeAll/@AfterAll only exists under PER_CLASS, where instance is set
            }
            m.setAccessible(true);
            try {
                m.invoke(isStatic ? null : instance);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
