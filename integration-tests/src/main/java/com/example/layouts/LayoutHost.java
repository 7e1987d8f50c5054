package com.example.layouts;

import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

/**
 * Runs a scenario class ({@code gen.Scenario}, compiled by the test into a directory) in a class
 * loader layout, and prints what it returned as {@code RESULT <label> <text>}. The scenario's
 * {@code run(String[])} is the request boundary and calls a memoized repository, so the output is
 * the same with and without the agent only if nothing stale is served.
 *
 * <pre>
 *   LayoutHost url DIR[,DIR2...] ARGS...         scenario in a URLClassLoader over DIR, then DIR2...
 *   LayoutHost noresource PARENT,DIR ARGS...     scenario in a URLClassLoader over DIR whose parent
 *                                                defines PARENT's classes (gen.domain, gen.mid)
 *                                                and answers no resource look-up (getResource null)
 *   LayoutHost attach DIR AGENT_JAR CONFIG ARGS... loads gen.domain.* first, attaches the agent to
 *                                                this JVM, then runs the scenario
 * </pre>
 *
 * Each directory of a comma-separated list is run in a loader of its own, in order.
 */
public final class LayoutHost {
    private LayoutHost() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String[] dirs = args[1].split(",");
        String[] rest = Arrays.copyOfRange(args, 2, args.length);
        if (mode.equals("attach")) {
            ClassLoader loader = loader(dirs[0]);
            // the guarded classes load and initialize before the agent exists
            Object early = loader.loadClass("gen.Early").getMethod("touch").invoke(null);
            System.out.println("RESULT early " + early);
            attach(rest[0], rest[1]);
            run("0", loader, Arrays.copyOfRange(rest, 2, rest.length));
            return;
        }
        if (mode.equals("noresource")) {
            ClassLoader parent = new NoResourceLoader(urls(dirs[0]), LayoutHost.class.getClassLoader());
            run("0", new URLClassLoader(urls(dirs[1]), parent), rest);
            return;
        }
        for (int i = 0; i < dirs.length; i++) {
            run(String.valueOf(i), loader(dirs[i]), rest);
        }
    }

    private static void run(String label, ClassLoader loader, String[] args) throws Exception {
        Method run = loader.loadClass("gen.Scenario").getMethod("run", String[].class);
        System.out.println("RESULT " + label + " " + run.invoke(null, (Object) args));
    }

    private static ClassLoader loader(String dir) throws Exception {
        return new URLClassLoader(urls(dir), LayoutHost.class.getClassLoader());
    }

    private static URL[] urls(String dir) throws Exception {
        return new URL[] {new File(dir).toURI().toURL()};
    }

    /** Through the Attach API by reflection: jdk.attach is not part of the compile-time API here. */
    private static void attach(String agentJar, String config) throws Exception {
        Class<?> vm = Class.forName("com.sun.tools.attach.VirtualMachine");
        Object machine = vm.getMethod("attach", String.class)
                .invoke(null, String.valueOf(ProcessHandle.current().pid()));
        try {
            vm.getMethod("loadAgent", String.class, String.class).invoke(machine, agentJar, "config=" + config);
        } finally {
            vm.getMethod("detach").invoke(machine);
        }
    }

    /** A loader that defines classes but answers no resource look-up (some frameworks' loaders). */
    static final class NoResourceLoader extends URLClassLoader {
        NoResourceLoader(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        public URL getResource(String name) {
            return null;
        }

        @Override
        public URL findResource(String name) {
            return null;
        }
    }
}
