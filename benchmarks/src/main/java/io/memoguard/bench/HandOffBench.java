package io.memoguard.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A trivial task handed to a one-thread {@code ThreadPoolExecutor} and to a one-thread
 * {@code ForkJoinPool} (through {@code CompletableFuture.supplyAsync}), and waited for: the round
 * trip that {@code requests.propagate} instruments. Uses no memoguard type, so it also runs in a
 * fork without the agent (the baseline) and, with the agent, outside any request;
 * {@link HandOffInRequestBench} is the same inside a request. An explicit pool, not the common pool:
 * on a 2-core machine the common pool has parallelism 1 and {@code supplyAsync} would start a new
 * thread per task. A single round trip is dominated by waking the worker up (microseconds), which
 * hides what the agent adds per task; {@link #threadPoolSubmitBatch} submits {@value #BATCH} tasks
 * before waiting for the last, so the worker drains its queue without parking and the per-task work
 * (the agent's hand-over at {@code execute} and attach/restore around {@code run}) is what remains.
 */
@State(Scope.Thread)
public class HandOffBench {
  static final Callable<Integer> TASK = () -> 42;
  static final Supplier<Integer> SUPPLIER = () -> 42;
  static final int BATCH = 100;

  ExecutorService pool;
  ForkJoinPool forkJoin;
  final Future<?>[] batch = new Future<?>[BATCH];

  @Setup(Level.Trial)
  public void startPools() {
    pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
    forkJoin = new ForkJoinPool(1);
  }

  @TearDown(Level.Trial)
  public void stopPools() {
    pool.shutdown();
    forkJoin.shutdown();
  }

  @Benchmark
  public Object threadPoolSubmitGet() throws InterruptedException, ExecutionException {
    return pool.submit(TASK).get();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object threadPoolSubmitBatch() throws InterruptedException, ExecutionException {
    for (int i = 0; i < BATCH; i++) {
      batch[i] = pool.submit(TASK);
    }
    return batch[BATCH - 1].get(); // one worker runs them in order: the last one done means all are
  }

  @Benchmark
  public Object supplyAsyncJoin() {
    return CompletableFuture.supplyAsync(SUPPLIER, forkJoin).join();
  }
}
