package com.example.containers.host;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat serving one web application from an exploded webapp directory, in Tomcat's own
 * per-application class loader. Compiled against Tomcat 11 but uses only API that Tomcat 9 has
 * too, and no servlet type, so the same launcher hosts the javax.servlet build on Tomcat 9 and
 * the jakarta.servlet build on Tomcat 11.
 *
 * <p>Prints {@code LISTENING port=N} (the application is at {@code /app}) and {@code ADMIN port=N}:
 * a line protocol where {@code undeploy} removes the application and answers whether its class
 * loader was garbage collected afterwards.
 */
public final class TomcatHost {
    private static Tomcat tomcat;
    private static Context app;

    private TomcatHost() {
    }

    public static void main(String[] args) throws Exception {
        File webapp = new File(args[0]).getAbsoluteFile();
        File base = Files.createTempDirectory("tomcat-host").toFile();
        preloadSharedLibraries();
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
        ServerSocket admin = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread adminThread = new Thread(() -> serveAdmin(admin), "host-admin");
        adminThread.setDaemon(true);
        adminThread.start();
        System.out.println("ADMIN port=" + admin.getLocalPort());
        System.out.println("LISTENING port=" + tomcat.getConnector().getLocalPort());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(TomcatHost::stopQuietly));
        tomcat.getServer().await();
    }

    /**
     * H2 lives with the container (as a JDBC driver in Tomcat's lib/ does), and two of its static
     * initializers capture whoever runs first: a shutdown-hook thread (keeps the context class
     * loader) and a pre-allocated exception (keeps the stack trace's classes). Run from an
     * application, each would keep that application's class loader for ever, so the host runs them
     * itself, as containers do for JDK classes (Tomcat's JreMemoryLeakPreventionListener).
     */
    private static void preloadSharedLibraries() throws Exception {
        ClassLoader host = TomcatHost.class.getClassLoader();
        Class.forName("org.h2.engine.OnExitDatabaseCloser", true, host);
        Class.forName("org.h2.message.DbException", true, host);
        DriverManager.getConnection("jdbc:h2:mem:host-warm-up").close();
    }

    private static void serveAdmin(ServerSocket admin) {
        while (true) {
            try (Socket s = admin.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String command = in.readLine();
                out.println("undeploy".equals(command) ? undeploy() : "UNKNOWN " + command);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    /** Removes the application, drops every reference the host has, and waits for its loader to go. */
    private static synchronized String undeploy() throws InterruptedException {
        if (app == null) {
            return "NOT-DEPLOYED";
        }
        WeakReference<ClassLoader> loader = new WeakReference<>(app.getLoader().getClassLoader());
        tomcat.getHost().removeChild(app);
        app = null;
        int rounds = LoaderGc.awaitCollected(loader);
        String answer = "UNDEPLOYED loaderCollected=" + (loader.get() == null) + " gcRounds=" + rounds;
        System.out.println(answer);
        return answer;
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
