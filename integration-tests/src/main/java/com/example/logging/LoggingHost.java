package com.example.logging;

import com.example.logging.model.Greeting;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.ClassFileVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A host application with its own logging stack (slf4j 1.7 + logback 1.2 + its own logback.xml)
 * and its own, older Byte Buddy. The agent (which shades newer versions of all of these) must
 * not disturb any of it. Serves {@code GET /greet?name=X} on com.sun.net.httpserver.
 */
public final class LoggingHost {
    private static final Logger LOG = LoggerFactory.getLogger(LoggingHost.class);

    private LoggingHost() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("HOST-LOGGER-FACTORY " + LoggerFactory.getILoggerFactory().getClass().getName());

        // use the host's Byte Buddy once (explicit class file version: this old release does not know new JDKs)
        Class<?> generated = new ByteBuddy(ClassFileVersion.JAVA_V8)
                .subclass(Object.class)
                .name("com.example.logging.GeneratedByHost")
                .make()
                .load(LoggingHost.class.getClassLoader())
                .getLoaded();
        System.out.println("HOST-BYTEBUDDY generated=" + generated.getName()
                + " from=" + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());

        GreetingRepository repository = new GreetingRepository();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/greet", new GreetHandler(repository));
        server.start();
        LOG.info("host started on port {}", server.getAddress().getPort());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "host-shutdown"));

        System.out.println("LISTENING port=" + server.getAddress().getPort());
        System.out.flush();
    }

    static final class GreetHandler implements HttpHandler {
        private final GreetingRepository repository;

        GreetHandler(GreetingRepository repository) {
            this.repository = repository;
        }

        @Override
        public void handle(HttpExchange exchange) throws IOException {
            String name = queryParam(exchange.getRequestURI(), "name");
            int before = GreetingRepository.EXECUTIONS.get();
            Greeting first = repository.findGreeting(name);
            Greeting second = repository.findGreeting(name);
            int executions = GreetingRepository.EXECUTIONS.get() - before;
            LOG.info("handled greeting for {} with {} repository executions", name, executions);
            byte[] body = ("{\"name\":\"" + first.getName() + "\",\"text\":\"" + second.getText() + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("X-Repo-Calls", Integer.toString(executions));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        private static String queryParam(URI uri, String key) {
            String query = uri.getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0 && pair.substring(0, eq).equals(key)) {
                        return java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    }
                }
            }
            return "anonymous";
        }
    }
}
