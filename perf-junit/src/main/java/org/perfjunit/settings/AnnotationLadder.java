package org.perfjunit.settings;

import org.junit.platform.commons.support.AnnotationSupport;

import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one annotation lookup of perf-junit: the test method, then its class, then the enclosing
 * classes of a {@code @Nested} class, nearest first. Meta-annotations and {@code @Inherited} count,
 * through {@link AnnotationSupport}, so composed annotations such as {@code @PhotonicBenchmark} work.
 */
final class AnnotationLadder {

    private final List<AnnotatedElement> levels;

    private AnnotationLadder(List<AnnotatedElement> levels) {
        this.levels = levels;
    }

    /** The ladder of a test method in {@code testClass} (which may be a subclass of the declaring class). */
    static AnnotationLadder of(Method method, Class<?> testClass) {
        List<AnnotatedElement> levels = new ArrayList<>();
        levels.add(method);
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            levels.add(c);
        }
        return new AnnotationLadder(levels);
    }

    /** Every declaration of {@code type}, nearest first (one per level), for attribute-by-attribute resolution. */
    <A extends Annotation> List<A> all(Class<A> type) {
        List<A> found = new ArrayList<>();
        for (AnnotatedElement level : levels) {
            AnnotationSupport.findAnnotation(level, type).ifPresent(found::add);
        }
        return found;
    }

    /** The nearest declaration of {@code type}. */
    <A extends Annotation> Optional<A> nearest(Class<A> type) {
        for (AnnotatedElement level : levels) {
            Optional<A> found = AnnotationSupport.findAnnotation(level, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The declaration of {@code type} on the method itself, if any. */
    <A extends Annotation> Optional<A> onMethod(Class<A> type) {
        return AnnotationSupport.findAnnotation(levels.get(0), type);
    }

    /** The nearest declaration of {@code type} on the class or an enclosing class, ignoring the method. */
    <A extends Annotation> Optional<A> onClasses(Class<A> type) {
        for (AnnotatedElement level : levels.subList(1, levels.size())) {
            Optional<A> found = AnnotationSupport.findAnnotation(level, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** Whether any level declares {@code type}, once or (for a repeatable type) several times. */
    boolean declares(Class<? extends Annotation> type) {
        return type.isAnnotationPresent(Repeatable.class) ? !nearestRepeatable(type).isEmpty() : nearest(type).isPresent();
    }

    /** Repeatable annotations from the nearest level that declares any (method replaces class). */
    <A extends Annotation> List<A> nearestRepeatable(Class<A> type) {
        for (AnnotatedElement level : levels) {
            List<A> found = AnnotationSupport.findRepeatableAnnotations(level, type);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }
}
