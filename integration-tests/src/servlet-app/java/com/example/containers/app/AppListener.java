package com.example.containers.app;

import @@servlet.api@@.ServletContext;
import @@servlet.api@@.ServletContextEvent;
import @@servlet.api@@.ServletContextListener;
import @@servlet.api@@.ServletRegistration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sets the application up (a private in-memory H2 database, the repository, an executor for
 * asynchronous work) and registers the servlet; tears all of it down on undeploy, so that nothing
 * of the application itself keeps its class loader alive.
 */
public class AppListener implements ServletContextListener {
    private ProductRepository repository;
    private ExecutorService executor;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        try {
            repository = new ProductRepository("jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            repository.createSchema();
        } catch (Exception e) {
            throw new IllegalStateException("database set-up failed", e);
        }
        executor = Executors.newFixedThreadPool(2);
        ServletContext context = event.getServletContext();
        ServletRegistration.Dynamic servlet = context.addServlet("app",
                new AppServlet(repository, new CatalogService(repository), executor));
        servlet.setAsyncSupported(true);
        servlet.addMapping("/product", "/discount", "/async/start", "/async/executor", "/outside");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        repository.shutdown();
    }
}
