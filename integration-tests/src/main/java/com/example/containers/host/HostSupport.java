package com.example.containers.host;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.concurrent.Callable;

/** What every container host does besides hosting: shared libraries, the admin port, undeploy checks. */
final class HostSupport {

    private HostSupport() {
    }

    /**
     * H2 lives with the container (as a JDBC driver in Tomcat's lib/ does), and two of its static
     * initializers capture whoever runs first: a shutdown-hook thread (keeps the context class
     * loader) and a pre-allocated exception (keeps the stack trace's classes). Run from an
     * application, each would keep that application's class loader for ever, so the host runs them
     * itself, as containers do for JDK classes (Tomcat's JreMemoryLeakPreventionListener).
     */
    static void preloadSharedLibraries() throws Exception {
        ClassLoader host = HostSupport.class.getClassLoader();
        Class.forName("org.h2.engine.OnExitDatabaseCloser", true, host);
        Class.forName("org.h2.message.DbException", true, host);
        DriverManager.getConnection("jdbc:h2:mem:host-warm-up").close();
    }

    /**
     * Prints {@code ADMIN port=N} and serves a line protocol on it: {@code undeploy} runs the
     * host's undeploy, which returns the application's class loader (then no longer referenced by
     * the host), and answers whether that loader was garbage collected afterwards.
     */
    static void startAdmin(Callable<ClassLoader> undeploy) throws Exception {
        ServerSocket admin = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> serve(admin, undeploy), "host-admin");
        thread.setDaemon(true);
        thread.start();
        System.out.println("ADMIN port=" + admin.getLocalPort());
    }

    private static void serve(ServerSocket admin, Callable<ClassLoader> undeploy) {
        while (true) {
            try (Socket s = admin.accept();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(s.getOutputStream(), true, StandardCharsets.UTF_8)) {
                String command = in.readLine();
                out.println("undeploy".equals(command) ? undeployAndCheck(undeploy) : "UNKNOWN " + command);
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    private static String undeployAndCheck(Callable<ClassLoader> undeploy) throws Exception {
        WeakReference<ClassLoader> loader = new WeakReference<>(undeploy.call());
        int rounds = LoaderGc.awaitCollected(loader);
        String answer = "UNDEPLOYED loaderCollected=" + (loader.get() == null) + " gcRounds=" + rounds;
        System.out.println(answer);
        return answer;
    }
}
