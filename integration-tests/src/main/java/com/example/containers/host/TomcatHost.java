package com.example.containers.host;

import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat serving one web application from an exploded webapp directory, in Tomcat's own
 * per-application class loader. Compiled against Tomcat 11 but uses only API that Tomcat 9 has
 * too, and no servlet type, so the same launcher hosts the javax.servlet build on Tomcat 9 and
 * the jakarta.servlet build on Tomcat 11.
 *
 * <p>Prints {@code LISTENING port=N} (the application is at {@code /app}) and the admin port of
 * {@link HostSupport}.
 */
public final class TomcatHost {
    private static Tomcat tomcat;
    private static Context app;

    private TomcatHost() {
    }

    public static void main(String[] args) throws Exception {
        File webapp = new File(args[0]).getAbsoluteFile();
        File base = Files.createTempDirectory("tomcat-host").toFile();
        HostSupport.preloadSharedLibraries();
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.getPath());
        tomcat.setHostname("127.0.0.1");
        tomcat.setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        // no default servlets (JSP, static files): the application registers all it serves
        tomcat.setAddDefaultWebXmlToWebapp(false);
        app = tomcat.addWebapp("/app", webapp.getPath());
        tomcat.start();
        if (!"STARTED".equals(app.getState().name())) {
            throw new IllegalStateException("the application did not start: " + app.getState());
        }
        HostSupport.startAdmin(TomcatHost::undeploy);
        System.out.println("LISTENING port=" + tomcat.getConnector().getLocalPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(TomcatHost::stopQuietly));
        tomcat.getServer().await();
    }

    private static synchronized ClassLoader undeploy() {
        ClassLoader loader = app.getLoader().getClassLoader();
        tomcat.getHost().removeChild(app);
        app = null;
        return loader;
    }

    private static void stopQuietly() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception ignored) {
            // the JVM is exiting
        }
    }
}
