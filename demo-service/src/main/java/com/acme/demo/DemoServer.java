package com.acme.demo;

import com.acme.db.Db;
import com.acme.repo.RequestCache;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * The demo mortgage service. {@link #main} prints {@code LISTENING port=N} once it serves
 * requests; tests and scripts wait for that line. Tests may also start it in-process.
 */
public final class DemoServer {
  // enough for the rate-table demo's 20 concurrent clients to be served at the same time
  private static final int WORKER_THREADS = 32;

  private final HttpServer server;
  private final ExecutorService workers;
  private final JdbcConnectionPool pool;

  private DemoServer(HttpServer server, ExecutorService workers, JdbcConnectionPool pool) {
    this.server = server;
    this.workers = workers;
    this.pool = pool;
  }

  /**
   * Creates and seeds the database, then serves on {@code port} (0 picks a free one).
   * {@code naiveCache} turns on the unprotected per-request cache of the repositories.
   */
  public static DemoServer start(int port, String jdbcUrl, boolean naiveCache) throws IOException {
    JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, "sa", "");
    try {
      Db db = new Db(pool);
      DemoData.load(db);
      RequestCache cache = naiveCache ? RequestCache.naive() : RequestCache.disabled();
      HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
      server.createContext("/", Wiring.router(db, cache));
      ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS);
      server.setExecutor(workers);
      server.start();
      return new DemoServer(server, workers, pool);
    } catch (IOException | RuntimeException e) {
      pool.dispose();
      throw e;
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public void stop() {
    server.stop(0);
    workers.shutdownNow();
    pool.dispose();
  }

  public static void main(String[] args) throws IOException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    DemoServer server = start(options.port(), options.jdbcUrl(), options.naiveCache());
    System.out.println("LISTENING port=" + server.port());
    System.out.flush();
  }
}
