package org.perfjunit.revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * Loads a base revision's classes child-first from its mapped class path, and everything else (the JDK,
 * JUnit, perf-junit, dependency jars) from the parent, so the base test class and the code it calls are the
 * base's, while the annotations, {@code PerfContext} and library types it uses are the very classes of this run.
 */
public final class RevisionClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    /**
     * @param name    shown in stack traces, e.g. {@code perf-junit base 1a2b3c4}
     * @param entries the base class path (from {@link ClassPathMapping#map})
     * @param parent  the loader of the current test classes
     */
    public RevisionClassLoader(String name, List<Path> entries, ClassLoader parent) {
        super(name, urls(entries), java.util.Objects.requireNonNull(parent, "parent"));
    }

    /**
     * The class as the base revision has it, or empty when the base has no such class (a test that is new in
     * the working tree). Never falls back to the current class of the same name.
     */
    public Optional<Class<?>> loadFromBase(String className) {
        if (findResource(className.replace('.', '/') + ".class") == null) {
            return Optional.empty();
        }
        try {
            Class<?> type = loadClass(className);
            return type.getClassLoader() == this ? Optional.of(type) : Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("java.")) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notAtBase) {
                    type = getParent().loadClass(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : getParent().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> all = new ArrayList<>(Collections.list(findResources(name)));
        all.addAll(Collections.list(getParent().getResources(name)));
        return Collections.enumeration(all);
    }

    private static URL[] urls(List<Path> entries) {
        return entries.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }
}
