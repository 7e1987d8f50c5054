package com.acme.service;

import com.acme.db.Db;
import com.acme.domain.Mortgage;
import com.acme.domain.Tenant;
import com.acme.repo.MortgageRepository;
import com.acme.repo.TenantRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loads the same tenant and mortgage from several tasks running on other threads, the way a page
 * assembles independent parts in parallel. Each task counts the statements it ran on its own thread
 * and the total is added to the request's count, so {@code X-Db-Queries} covers the whole fan-out.
 */
public final class FanOutService {
  /** How the tasks are handed to other threads. */
  public enum Via { POOL, ASYNC, FORKJOIN, VIRTUAL }

  private final TenantRepository tenants;
  private final MortgageRepository mortgages;
  private final Db db;
  private final ExecutorService pool;

  public FanOutService(TenantRepository tenants, MortgageRepository mortgages, Db db) {
    this.tenants = tenants;
    this.mortgages = mortgages;
    this.db = db;
    AtomicInteger threads = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(2, task -> {
      Thread thread = new Thread(task, "fan-out-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** The parts as loaded by {@code tasks} tasks; every task must see the same data. */
  public FanOut load(String tenant, long id, Via via, int tasks) {
    Part own = part(tenant, id, null);
    Thread caller = Thread.currentThread();
    List<Callable<Part>> work = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      work.add(() -> part(tenant, id, caller));
    }
    List<Part> parts = run(via, work);
    int statements = 0;
    for (Part part : parts) {
      statements += part.statements();
      if (!part.sameData(own)) {
        throw new IllegalStateException("a task saw different data");
      }
    }
    db.addStatements(statements);
    return new FanOut(own.tenantName(), own.borrower(), own.principal(), parts.size());
  }

  /**
   * Work on the same pool outside any request: a thread the service starts itself (which carries
   * no request) submits a task that loads the mortgage twice. Returns the statements it ran.
   */
  public int unrelatedPoolWork(String tenant, long id) {
    Callable<Part> twice = () -> {
      int before = db.statementCount();
      mortgages.getMortgage(tenant, id);
      mortgages.getMortgage(tenant, id);
      return new Part(null, null, null, db.statementCount() - before);
    };
    CompletableFuture<Integer> result = new CompletableFuture<>();
    Thread outsider = new Thread(() -> {
      try {
        result.complete(pool.submit(twice).get().statements());
      } catch (Exception e) {
        result.completeExceptionally(e);
      }
    }, "fan-out-outsider");
    outsider.start();
    return result.join();
  }

  /**
   * Loads the parts. A task that the pool ran on the calling thread itself (a ForkJoinPool caller
   * helps with its own tasks) has its statements counted there already: it reports none.
   */
  private Part part(String tenant, long id, Thread caller) {
    int before = db.statementCount();
    Tenant t = Require.tenant(tenants.getTenant(tenant), tenant);
    Mortgage m = Require.mortgage(mortgages.getMortgage(tenant, id), tenant, id);
    int statements = Thread.currentThread() == caller ? 0 : db.statementCount() - before;
    return new Part(t.getName(), m.getBorrower(), m.getPrincipal().toPlainString(), statements);
  }

  private List<Part> run(Via via, List<Callable<Part>> work) {
    try {
      switch (via) {
        case POOL:
          return all(pool.invokeAll(work));
        case FORKJOIN:
          return all(ForkJoinPool.commonPool().invokeAll(work));
        case VIRTUAL:
          ExecutorService virtual = VirtualThreads.perTaskExecutor();
          try {
            return all(virtual.invokeAll(work));
          } finally {
            virtual.shutdown();
          }
        case ASYNC:
        default:
          List<CompletableFuture<Part>> futures = new ArrayList<>();
          for (Callable<Part> task : work) {
            futures.add(CompletableFuture.supplyAsync(() -> call(task)));
          }
          List<Part> parts = new ArrayList<>();
          for (CompletableFuture<Part> future : futures) {
            parts.add(future.join());
          }
          return parts;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<Part> all(List<Future<Part>> futures) throws InterruptedException {
    List<Part> parts = new ArrayList<>();
    for (Future<Part> future : futures) {
      try {
        parts.add(future.get());
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
    return parts;
  }

  private static Part call(Callable<Part> task) {
    try {
      return task.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What one task saw, and the statements it ran on its thread. */
  private record Part(String tenantName, String borrower, String principal, int statements) {
    boolean sameData(Part other) {
      return tenantName.equals(other.tenantName) && borrower.equals(other.borrower)
          && principal.equals(other.principal);
    }
  }

  /** The fan-out's result as the endpoint shows it. */
  public record FanOut(String tenantName, String borrower, String principal, int tasks) {}
}
