package com.example.containers.host;

import java.io.File;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;

/**
 * Embedded Jetty 12 serving one web application from an exploded webapp directory in a
 * WebAppContext (Jetty's per-application class loader) of the environment given as first
 * argument: {@code ee8} (javax.servlet 4) or {@code ee11} (jakarta.servlet 6.1). The environments'
 * classes are reached by name, so one launcher serves both; each runs on its own classpath.
 *
 * <p>Prints {@code LISTENING port=N} (the application is at {@code /app}) and the admin port of
 * {@link HostSupport}.
 */
public final class JettyHost {
    private static Server server;
    /** Dynamic: contexts can be removed from it while the server runs. */
    private static ContextHandlerCollection contexts;
    private static Object app;

    private JettyHost() {
    }

    public static void main(String[] args) throws Exception {
        String environment = args[0];
        File webapp = new File(args[1]).getAbsoluteFile();
        HostSupport.preloadSharedLibraries();
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        Class<?> contextType = Class.forName("org.eclipse.jetty." + environment + ".webapp.WebAppContext");
        app = contextType.getConstructor().newInstance();
        contextType.getMethod("setContextPath", String.class).invoke(app, "/app");
        contextType.getMethod("setWar", String.class).invoke(app, webapp.getPath());
        contexts = new ContextHandlerCollection();
        contexts.addHandler(coreHandler(app));
        server.setHandler(contexts);
        server.setStopAtShutdown(true);
        server.start();
        Object failure = contextType.getMethod("getUnavailableException").invoke(app);
        if (failure != null) {
            throw new IllegalStateException("the application did not start", (Throwable) failure);
        }
        HostSupport.startAdmin(JettyHost::undeploy);
        System.out.println("LISTENING port=" + connector.getLocalPort());
        System.out.flush();
        server.join();
    }

    /** ee8's WebAppContext is a nested context that supplies its core handler; ee11's is one. */
    private static Handler coreHandler(Object context) {
        return context instanceof Handler handler ? handler : (Handler) ((Supplier<?>) context).get();
    }

    private static synchronized ClassLoader undeploy() throws Exception {
        ClassLoader loader = (ClassLoader) app.getClass().getMethod("getClassLoader").invoke(app);
        Handler handler = coreHandler(app);
        handler.stop();
        contexts.removeHandler(handler);
        handler.destroy();
        app = null;
        return loader;
    }
}
