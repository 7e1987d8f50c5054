package com.example.containers.app;

import @@servlet.api@@.AsyncContext;
import @@servlet.api@@.http.HttpServlet;
import @@servlet.api@@.http.HttpServletRequest;
import @@servlet.api@@.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.function.LongFunction;

/**
 * Every endpoint of the application; {@code X-Db-Queries} is the number of SQL statements the
 * request caused (requests are sent one at a time).
 * <ul>
 *   <li>{@code /product?id=N}: four loads of the product on the request thread;</li>
 *   <li>{@code /discount?id=N}: changes a loaded product in place, then loads it again;</li>
 *   <li>{@code /async/start?id=N}: the same four loads in {@code AsyncContext.start(Runnable)};</li>
 *   <li>{@code /async/executor?id=N}: the same four loads on the application's own executor;</li>
 *   <li>{@code /outside?id=N}: two loads on a thread of its own, which is part of no request.</li>
 * </ul>
 */
public class AppServlet extends HttpServlet {
    private final transient ProductRepository repository;
    private final transient CatalogService catalog;
    private final transient ExecutorService executor;

    AppServlet(ProductRepository repository, CatalogService catalog, ExecutorService executor) {
        this.repository = repository;
        this.catalog = catalog;
        this.executor = executor;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long id;
        try {
            id = Long.parseLong(req.getParameter("id"));
        } catch (NumberFormatException e) {
            resp.sendError(400, "id missing");
            return;
        }
        int start = ProductRepository.QUERIES.get();
        switch (req.getServletPath()) {
            case "/product" -> write(resp, start, catalog.describe(id));
            case "/discount" -> write(resp, start, catalog.discounted(id));
            case "/async/start" -> {
                AsyncContext async = req.startAsync();
                async.start(() -> completeWith(async, start, id, catalog::describe));
            }
            case "/async/executor" -> {
                AsyncContext async = req.startAsync();
                executor.execute(() -> completeWith(async, start, id, catalog::describe));
            }
            case "/outside" -> write(resp, start, outside(id));
            default -> resp.sendError(404);
        }
    }

    private static void completeWith(AsyncContext async, int start, long id, LongFunction<String> work) {
        try {
            String body = work.apply(id);
            write((HttpServletResponse) async.getResponse(), start, body);
        } catch (IOException | RuntimeException e) {
            ((HttpServletResponse) async.getResponse()).setStatus(500);
        } finally {
            async.complete();
        }
    }

    private String outside(long id) {
        int[] names = new int[1];
        Thread worker = new Thread(() -> {
            names[0] = repository.findProduct(id).getName().length() + repository.findProduct(id).getName().length();
        }, "outside-any-request");
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "{\"id\":" + id + ",\"nameChars\":" + names[0] + "}";
    }

    private static void write(HttpServletResponse resp, int start, String body) throws IOException {
        resp.setHeader("X-Db-Queries", Integer.toString(ProductRepository.QUERIES.get() - start));
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(body);
    }
}
