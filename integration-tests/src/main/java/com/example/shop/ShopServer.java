package com.example.shop;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Embedded Jetty 12 (ee10, jakarta.servlet 6) application. Prints {@code LISTENING port=N}. */
public final class ShopServer {

    private ShopServer() {
    }

    public static void main(String[] args) throws Exception {
        CatalogRepository repository = new CatalogRepository();

        // outside any request: must execute every time, memoized or not
        int before = RepoStats.FIND_ITEM_INVOCATIONS.get();
        repository.findItem("warmup");
        repository.findItem("warmup");
        System.out.println("STARTUP findItem executions=" + (RepoStats.FIND_ITEM_INVOCATIONS.get() - before));

        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addFilter(new FilterHolder(new AuditFilter(repository)), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new ItemServlet(new PricingService(repository), new StockService(repository))), "/item");
        server.setHandler(context);
        server.setStopAtShutdown(true);
        server.start();

        System.out.println("LISTENING port=" + connector.getLocalPort());
        System.out.flush();
        server.join();
    }
}
