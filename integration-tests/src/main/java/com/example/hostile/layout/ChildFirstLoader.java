package com.example.hostile.layout;

import java.net.URL;
import java.net.URLClassLoader;
import java.io.InputStream;

/**
 * Loads classes under one package prefix itself before asking its parent, as web-application
 * loaders do; optionally hides every resource (getResource returns null), as some loaders do.
 */
public final class ChildFirstLoader extends URLClassLoader {
    private final String prefix;
    private final boolean hideResources;

    public ChildFirstLoader(String name, URL[] urls, String prefix, boolean hideResources) {
        super(name, urls, ChildFirstLoader.class.getClassLoader());
        this.prefix = prefix;
        this.hideResources = hideResources;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        return hideResources ? null : super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        return hideResources ? null : super.getResourceAsStream(name);
    }

    public static URL[] own(Class<?> anchor) {
        return new URL[] {anchor.getProtectionDomain().getCodeSource().getLocation()};
    }
}
