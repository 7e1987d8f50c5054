package com.example.hygiene;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;

/**
 * Defines the classes of {@code com.example.hygiene.iso} itself and fails every resource look-up
 * for them with an exception whose message carries a secret and a line break, as a loader that
 * fetches classes from a remote store might.
 */
final class HostileLoader extends ClassLoader {
    private static final String OWN = "com.example.hygiene.iso.";

    HostileLoader(ClassLoader parent) {
        super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            if (!name.startsWith(OWN)) {
                return super.loadClass(name, resolve);
            }
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    c = defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new ClassNotFoundException(name, e);
                }
            }
            return c;
        }
    }

    @Override
    public URL getResource(String name) {
        if (name.startsWith("com/example/hygiene/iso/")) {
            throw new IllegalStateException(HygieneJob.HOSTILE_MESSAGE);
        }
        return super.getResource(name);
    }

    @Override
    public InputStream getResourceAsStream(String name) {
        if (name.startsWith("com/example/hygiene/iso/")) {
            throw new IllegalStateException(HygieneJob.HOSTILE_MESSAGE);
        }
        return super.getResourceAsStream(name);
    }
}
