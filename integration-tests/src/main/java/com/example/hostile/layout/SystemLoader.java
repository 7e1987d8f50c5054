package com.example.hostile.layout;

import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;

/**
 * A custom system class loader ({@code -Djava.system.class.loader}): defines the application's
 * classes itself, child-first, and shows no resources.
 */
public final class SystemLoader extends URLClassLoader {
    static {
        ClassLoader.registerAsParallelCapable();
    }

    public SystemLoader(ClassLoader parent) {
        super("hostile-system", ChildFirstLoader.own(SystemLoader.class), parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith("com.example.hostile.") || name.equals(SystemLoader.class.getName())) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            return c;
        }
    }

    /** What the JVM requires of a custom system class loader for -javaagent (see ClassLoader#getSystemClassLoader). */
    void appendToClassPathForInstrumentation(String path) throws java.net.MalformedURLException {
        addURL(java.nio.file.Path.of(path).toUri().toURL());
    }

    @Override
    public URL getResource(String name) {
        return null;
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return null;
    }
}
